-- table.concat writes numbers as tostring does: integers in full below 1e14, %.14g above,
-- "-0", floats, inf and nan, mixed with strings, over the array part and beyond it.
local function show(t, sep, i, j) print((pcall(table.concat, t, sep, i, j)) and table.concat(t, sep, i, j) or select(2, pcall(table.concat, t, sep, i, j))) end
show({ 1, 2, 3 })
show({ 1, 2, 3 }, ",")
show({ 10, -20, 0, 99999999999999, -99999999999999 }, " ")
show({ 1e14, -1e14, 123456789012345, 1e15, 2^53, -2^53 }, " ")
show({ -0, 0, -0.0 }, " ")
show({ 0.5, 1.25, 1/3, 100.0, 1e-5, 3.0 }, " ")
show({ 1/0, -1/0 }, " ")
show({ "a", 1, "b", 2.5, "c", -0 }, "|")
show({ 1, 2, 3, 4, 5 }, "-", 2, 4)
show({ 1, 2, 3 }, "", 3, 2)
show({ 1, 2, 3 }, "", 1, 5)
show({ 1, {}, 3 }, ",")
show({ 1, true }, ",")
local t = {}
for i = 1, 100 do t[i] = i % 10 end
print(#table.concat(t), table.concat(t, "", 1, 9), tonumber(table.concat(t, "", 1, 9)))
local h = { 1, 2 }
h[4] = 4
h[3] = 3
print(table.concat(h, ","))
