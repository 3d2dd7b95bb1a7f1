-- table.concat over the array part: ranges, numbers, holes filled later, errors, __index ignored
local t = {"a", "b", "c", 1, 2.5, "d"}
print(table.concat(t), table.concat(t, ","), table.concat(t, "-", 2, 4), table.concat(t, "", 5), table.concat(t, ";", 3, 2))
print(table.concat({}), table.concat({"x"}, ",", 1, 1), table.concat({"x", "y"}, ",", 2))
print(pcall(table.concat, {"a", {}, "c"}))
print(pcall(table.concat, {"a", "b"}, ",", 1, 3))
print(pcall(table.concat, {"a", "b"}, ",", 0, 1))
local h = {"p", "q"}; h[4] = "s"; h[3] = "r"
print(table.concat(h, ""))
local m = setmetatable({}, {__index = function(_, k) return "m" .. k end})
print(pcall(table.concat, m, ",", 1, 2))
print(table.concat({1, 2, 3}, ", "), table.concat({"a", "b", "c"}, ", ", 1, 2), table.concat({"a","b","c"}, "", -1 + 2, 3))
