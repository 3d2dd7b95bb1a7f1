local function djb2(s)
  local h = 5381
  for i = 1, #s do h = bit.band(bit.lshift(h, 5) + h + s:byte(i), 0xFFFFFFFF) end
  return bit.tohex(h)
end
local function fnv1a(s)
  local h = 0x811C9DC5
  for i = 1, #s do
    h = bit.bxor(h, s:byte(i))
    h = bit.tobit(h * 0x01000193 % 2^32)
  end
  return bit.tohex(h)
end
local function adler32(s)
  local a, b = 1, 0
  for i = 1, #s do a = (a + s:byte(i)) % 65521 b = (b + a) % 65521 end
  return bit.tohex(bit.bor(bit.lshift(b, 16), a))
end
local crc_table = {}
for i = 0, 255 do
  local c = i
  for _ = 1, 8 do
    if bit.band(c, 1) == 1 then c = bit.bxor(0xEDB88320, bit.rshift(c, 1)) else c = bit.rshift(c, 1) end
  end
  crc_table[i] = c
end
local function crc32(s)
  local c = 0xFFFFFFFF
  for i = 1, #s do c = bit.bxor(crc_table[bit.band(bit.bxor(c, s:byte(i)), 0xFF)], bit.rshift(c, 8)) end
  return bit.tohex(bit.bnot(c))
end
for _, s in ipairs({"", "a", "abc", "hello world", "The quick brown fox jumps over the lazy dog", ("x"):rep(1000)}) do
  print(string.format("%-12s %s %s %s %s", #s > 10 and s:sub(1, 9) .. "..." or s, djb2(s), fnv1a(s), adler32(s), crc32(s)))
end
