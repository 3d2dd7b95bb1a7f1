// Start-up of the hand-written JS contestant: a program that prints one empty line.
console.log('');
