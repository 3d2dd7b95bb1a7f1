-- ^, math.pow, exp, log and the trigonometric functions: sums over many arguments (each
-- term must be the double luajit's libm gives), then single values at the edges of the
-- fast paths (exact results, overflow and underflow, subnormals, huge arguments).
local fmt = string.format

local function sum(n, f)
  local s = 0
  for i = 1, n do s = s + f(i) end
  return fmt("%a", s)
end

print("pow 1.5", sum(20000, function(i) return (i / 1000) ^ 1.5 end))
print("pow 0.37", sum(20000, function(i) return math.pow(i / 7, 0.37) end))
print("pow -2.2", sum(20000, function(i) return (i / 300) ^ -2.2 end))
print("pow near 1", sum(20000, function(i) return (1 + i * 1e-9) ^ (i * 1000) end))
print("exp", sum(20000, function(i) return math.exp(i / 1000 - 10) end))
print("log", sum(20000, function(i) return math.log(i / 333) end))
print("log10", sum(20000, function(i) return math.log10(i * 1.7) end))
print("sin", sum(20000, function(i) return math.sin(i / 100) end))
print("cos", sum(20000, function(i) return math.cos(i / 70) end))
print("tan", sum(20000, function(i) return math.tan(i / 1000) end))
print("atan", sum(20000, function(i) return math.atan((i - 10000) / 250) end))
print("asin", sum(20000, function(i) return math.asin((i - 10000) / 10001) end))
print("acos", sum(20000, function(i) return math.acos((i - 10000) / 10001) end))
print("atan2", sum(20000, function(i) return math.atan2(i % 97 - 48, i % 89 - 44.5) end))

local singles = {
  4 ^ 0.25, 2 ^ 0.5, 9 ^ 1.5, 10 ^ -2, 8 ^ (1 / 3), 2 ^ -1074, 2 ^ 1023.5, 0.5 ^ 1074.5, 3 ^ 646, 3 ^ 647,
  (-8) ^ 3, (-2) ^ -1075, 1e-310 ^ 0.5, 1e-310 ^ 1.25, 7 ^ -380, 1.0000001 ^ 1e12,
  math.exp(709.78), math.exp(-745.1), math.exp(-708.5), math.exp(1e-20), math.exp(-1e-10),
  math.log(1e-320), math.log(2 ^ 1023), math.log(1 + 2 ^ -52), math.log(0.999999),
  math.sin(1e6), math.sin(1e22), math.cos(2 ^ 19), math.cos(2 ^ 19 - 1), math.tan(1.5707963267948966),
  math.sin(-3.141592653589793), math.atan(1e300), math.atan(-2 ^ 61), math.atan(1e-20),
  math.asin(1 - 2 ^ -53), math.acos(-1 + 2 ^ -53), math.acos(1e-300), math.atan2(1e-300, -1e300),
  math.atan2(3e200, 2e-200), math.atan2(-0.5, -1e-5),
}
for i, v in ipairs(singles) do print(i, fmt("%a", v), v) end
