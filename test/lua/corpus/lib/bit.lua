-- A module named like a built-in library: require('bit') must still give the library.
return 'lib/bit.lua was loaded'
