-- arbitrary precision non-negative integers stored as base-10^7 limbs
local BASE, WIDTH = 10000000, 7
local function parse(s)
  local limbs = {}
  for i = #s, 1, -WIDTH do
    local j = math.max(1, i - WIDTH + 1)
    limbs[#limbs + 1] = tonumber(s:sub(j, i))
  end
  return limbs
end
local function tostr(a)
  local parts = {tostring(a[#a])}
  for i = #a - 1, 1, -1 do parts[#parts + 1] = string.format("%07d", a[i]) end
  return table.concat(parts)
end
local function add(a, b)
  local r, carry = {}, 0
  for i = 1, math.max(#a, #b) do
    local s = (a[i] or 0) + (b[i] or 0) + carry
    r[i] = s % BASE
    carry = math.floor(s / BASE)
  end
  if carry > 0 then r[#r + 1] = carry end
  return r
end
local function mul(a, b)
  local r = {}
  for i = 1, #a + #b do r[i] = 0 end
  for i = 1, #a do
    local carry = 0
    for j = 1, #b do
      local cur = r[i + j - 1] + a[i] * b[j] + carry
      r[i + j - 1] = cur % BASE
      carry = math.floor(cur / BASE)
    end
    local k = i + #b
    while carry > 0 do
      local cur = r[k] + carry
      r[k] = cur % BASE
      carry = math.floor(cur / BASE)
      k = k + 1
    end
  end
  while #r > 1 and r[#r] == 0 do r[#r] = nil end
  return r
end
print(tostr(add(parse("99999999999999999999"), parse("1"))))
print(tostr(mul(parse("123456789"), parse("987654321"))))
local f = parse("1")
for i = 2, 30 do f = mul(f, parse(tostring(i))) end
print("30! =", tostr(f))
local p = parse("1")
for _ = 1, 100 do p = mul(p, parse("2")) end
print("2^100 =", tostr(p))
local a, b = parse("0"), parse("1")
for _ = 1, 200 do a, b = b, add(a, b) end
print("fib200 =", tostr(a))
print(tostr(mul(parse("0"), parse("12345"))), tostr(add(parse("0"), parse("0"))))
