-- tonumber(s, base): luajit skips spaces, takes one sign, then C's strtoul (a 0x prefix in
-- base 16, saturation at 2^64-1), then spaces; base 10 is the ordinary conversion.
local inputs = {
  '0x10', '0X1f', '-0x10', '+0x10', ' 0x10 ', '\t-0xff\n', '0x', '0x-1', '0xg', '0x 1', '00x10',
  '10', '-10', '+10', '- 10', '+-1', '--1', '', ' ', '-', '+', '0', '-0', '+0', '007',
  'ff', 'FF', 'fF', 'z', 'Z', 'zz', '1z', '12', '1.5', '1e1', '1e', '0b101', '0o7', '1 2',
  '7fffffff', '80000000', 'ffffffff', '100000000', 'ffffffffffffffff', '10000000000000000',
  '99999999999999999999', '1\0', '1\0002', 'inf', 'nan', '0x1p4', '\v12\f', '١',
}
local bases = {2, 8, 10, 16, 36, 7, 3}
for _, s in ipairs(inputs) do
  local row = {}
  for _, b in ipairs(bases) do
    local v = tonumber(s, b)
    row[#row + 1] = v == nil and 'nil' or string.format('%.17g', v)
  end
  print(string.format('%q', s), table.concat(row, ' '))
end
-- numbers as input are converted with %.14g first
print(tonumber(10, 16), tonumber(-10, 2), tonumber(1.5, 16), tonumber(255, 36), tonumber(1e15, 16))
-- the base: integer part, range, type
print(tonumber('10', 2.9), tonumber('10', '16'), tonumber('z', 36.5))
for _, b in ipairs({1, 37, 0, -16, 100}) do print(b, pcall(tonumber, '10', b)) end
print(pcall(tonumber, '10', 'x'))
print(pcall(tonumber, '10', {}))
print(pcall(tonumber, nil, 16))
print(pcall(tonumber, {}, 16))
print(pcall(tonumber, true, 8))
print(pcall(tonumber))
print(tonumber(nil), tonumber(true), tonumber({}) == nil)
-- base 10 or no base: the full number syntax
print(tonumber('0x10', 10), tonumber('1e2', 10), tonumber(' 0x1P-2 '), tonumber('0b11', 10), tonumber('.5', 10))
-- every digit in every base
local digits = '0123456789abcdefghijklmnopqrstuvwxyz'
local bad = 0
for b = 2, 36 do
  for i = 1, 36 do
    local d = digits:sub(i, i)
    local want = i <= b and i - 1 or nil
    if b == 10 then want = i <= 10 and i - 1 or nil end
    if tonumber(d, b) ~= want or tonumber(d:upper(), b) ~= want then bad = bad + 1 end
  end
  if tonumber(digits:sub(b, b) .. '0', b) ~= (b - 1) * b then bad = bad + 1 end
end
print('digit mismatches', bad)
