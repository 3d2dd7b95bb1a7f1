print(bit.band(0xFF, 0x0F), bit.bor(0xF0, 0x0F), bit.bxor(0xFF, 0x0F), bit.bnot(0))
print(bit.band(0xFFFFFFFF, 0x12345678), bit.bor(0), bit.bxor(7))
print(pcall(bit.band))
print(bit.band(-1, 0xFF), bit.bnot(-1), bit.bnot(0xFFFFFFFF), bit.bnot(1))
print(bit.lshift(1, 0), bit.lshift(1, 31), bit.lshift(1, 32), bit.lshift(1, 33))
print(bit.rshift(0x80000000, 31), bit.rshift(-1, 28), bit.rshift(-1, 0), bit.rshift(256, 4))
print(bit.arshift(-256, 4), bit.arshift(0x80000000, 31), bit.arshift(16, 2), bit.arshift(-1, 31))
print(bit.rol(0x12345678, 4), bit.ror(0x12345678, 4), bit.rol(1, 32), bit.ror(1, 1))
print(bit.tobit(0xFFFFFFFF), bit.tobit(2^32 + 5), bit.tobit(-1), bit.tobit(1.5), bit.tobit(2.5))
print(bit.tohex(255), bit.tohex(-1), bit.tohex(255, 2), bit.tohex(255, -4), bit.tohex(0x12345678, 3))
print(bit.tohex(0), bit.tohex(1, 8), bit.tohex(-1, -8), bit.tohex(0xABCDEF))
print(bit.bswap(0x12345678), bit.tohex(bit.bswap(0x12345678)), bit.bswap(0xFF))
print(bit.band(1, 3, 7, 15), bit.bor(1, 2, 4, 8), bit.bxor(1, 2, 3))
print(bit.lshift(0xFF, 24), bit.lshift(-1, 1), bit.rshift(-2, 1))
print(bit.band(2^31, 2^31), bit.bor(2^31, 0), bit.tobit(2^31))
print(bit.band(1.9, 1), bit.band(-1.5, 0xF), bit.band("15", 3))
print(pcall(bit.band, "x"), pcall(bit.lshift, 1))
print(bit.lshift(1, -1), bit.rshift(1, -1), bit.lshift(1, 64 + 3))
local function popcount(x)
  local c = 0
  while x ~= 0 do c = c + bit.band(x, 1) x = bit.rshift(x, 1) end
  return c
end
print(popcount(0), popcount(255), popcount(-1), popcount(0x55555555))
local flags = 0
local READ, WRITE, EXEC = 1, 2, 4
flags = bit.bor(flags, READ, EXEC)
print(flags, bit.band(flags, WRITE) ~= 0, bit.band(flags, EXEC) ~= 0)
flags = bit.band(flags, bit.bnot(READ))
print(flags)
print(bit.tobit(0x7FFFFFFF + 1), bit.tobit(-0x80000000 - 1))
print(bit.tohex(bit.bxor(0xDEADBEEF, 0xFFFFFFFF)))
