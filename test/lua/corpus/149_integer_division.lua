local function idiv(a, b) return math.floor(a / b) end
for _, p in ipairs({{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {6, 3}, {-6, 3}, {1, 3}, {-1, 3}, {0, 5}}) do
  local a, b = p[1], p[2]
  io.write(string.format("%d/%d: floor=%d mod=%d fmod=%g trunc=%d | ", a, b, idiv(a, b), a % b, math.fmod(a, b), a / b >= 0 and math.floor(a / b) or math.ceil(a / b)))
end
print()
print(idiv(7.5, 2), 7.5 % 2, idiv(-7.5, 2), -7.5 % 2)
print(idiv(1, 0), idiv(-1, 0), pcall(idiv, 0, 0))
print(2^53 % 2, (2^53 + 2) % 3, 1e300 % 7)
print(-0.0 % 1, 0.0 % -1, -1 % 1, 1 % -1)
print(5.5 % -2, -5.5 % 2, 5 % 1.5, -5 % 1.5)
print(math.fmod(5.5, -2), math.fmod(-5.5, 2), math.fmod(-0.0, 1))
local function digits(n)
  local out = {}
  repeat out[#out + 1] = n % 10 n = math.floor(n / 10) until n == 0
  return table.concat(out, ""):reverse()
end
print(digits(0), digits(7), digits(1234567890), digits(2^40))
local function tobase(n, b)
  local chars = "0123456789abcdefghijklmnopqrstuvwxyz"
  if n == 0 then return "0" end
  local neg = n < 0
  n = math.abs(n)
  local out = {}
  while n > 0 do local d = n % b out[#out + 1] = chars:sub(d + 1, d + 1) n = math.floor(n / b) end
  return (neg and "-" or "") .. table.concat(out):reverse()
end
print(tobase(255, 2), tobase(255, 16), tobase(-255, 8), tobase(123456789, 36), tobase(0, 7))
print(tonumber(tobase(123456789, 36), 36), tonumber(tobase(2^40, 2), 2))
