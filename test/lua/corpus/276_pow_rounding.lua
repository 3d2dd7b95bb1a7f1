-- x ^ y is C's pow (glibc: correctly rounded) in luajit, at run time and when the parser
-- folds constants; JS's Math.pow is an ulp off for some arguments (4 ^ 0.25 among them).
local function show(...)
  local t = {}
  for i = 1, select("#", ...) do t[i] = string.format("%.17g", (select(i, ...))) end
  print(table.concat(t, " "))
end
local xs = { 1.1, 1.7, 2.3, 0.3, 9.87654321, 123.456, 1.0000001, 7, 3, 10, 0.1, 2, -2, -0.5, 4 }
local ys = { 3, 5, 7, -3, 13, 0.25, 0.5, 1.5, 2.5, -0.5, 1 / 3, 17, 31, 0.1, 2, 52, 53, 60, 64, 65, -1074 }
for _, x in ipairs(xs) do
  local row = {}
  for _, y in ipairs(ys) do row[#row + 1] = string.format("%.17g", x ^ y) end
  print(x, table.concat(row, " "))
end
show(4 ^ 0.25, 1.7 ^ 7, 2 ^ 0.5, 10 ^ -2, 3 ^ 40, 2 ^ 60, (-8) ^ (1 / 3))
local a, b = 4, 0.25
show(a ^ b, math.pow(a, b), a ^ -b, (a + 0.5) ^ (b * 3))
-- the modulo that showed it: a large dividend over a non-integer power
local item = -27
show((item + -1000000000000000) % 4 ^ 0.25, (item + -1000000000000000) % a ^ b)
-- special values
show(0 ^ -1, (-0) ^ -1, (-0) ^ 3, (-0) ^ 4, 1 ^ (0 / 0), (0 / 0) ^ 0, math.huge ^ -1, (-math.huge) ^ 3)
local acc = 0
for i = 1, 300 do acc = acc + (1 + i / 1000) ^ 7 + (i / 7) ^ 1.5 end
show(acc)
