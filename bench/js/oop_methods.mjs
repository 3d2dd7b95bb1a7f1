// Hand-written JS counterpart of bench/lua/oop_methods.lua: classes, inheritance, method calls.
const n = process.argv[2] !== undefined ? Number(process.argv[2]) : 6000000;

class Shape {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  move(dx, dy) {
    this.x += dx;
    this.y += dy;
  }
  area() {
    return 0;
  }
  score() {
    return this.area() + this.x - this.y;
  }
}

class Rect extends Shape {
  constructor(x, y, w, h) {
    super(x, y);
    this.w = w;
    this.h = h;
  }
  area() {
    return this.w * this.h;
  }
}

class Square extends Rect {
  constructor(x, y, s) {
    super(x, y, s, s);
  }
  grow(d) {
    this.w += d;
    this.h += d;
  }
}

class Counter {
  constructor() {
    this.count = 0;
  }
  add(v) {
    const c = (this.count + v) % 1000000007;
    this.count = c < 0 ? c + 1000000007 : c; // Lua's % takes the divisor's sign
  }
}

const shapes = [];
for (let i = 1; i <= 100; i++) {
  const k = i % 3;
  if (k === 0) shapes.push(new Shape(i, -i));
  else if (k === 1) shapes.push(new Rect(i, i, (i % 7) + 1, (i % 5) + 1));
  else shapes.push(new Square(-i, i, (i % 9) + 1));
}
const c = new Counter();
for (let i = 1; i <= n; i++) {
  const s = shapes[i % 100];
  s.move(1, -1);
  if (s.grow !== undefined && i % 1000 === 0) s.grow(1);
  c.add(s.score());
}
console.log(`checksum\t${c.count}`);
