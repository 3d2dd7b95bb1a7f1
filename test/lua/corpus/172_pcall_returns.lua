local function many() return 1, nil, 3, nil end
print(select('#', pcall(many)), pcall(many))
print(pcall(pcall, many))
print(pcall(select, '#'))
print(pcall(string.find, "hello", "l"))
print(pcall(coroutine.wrap(function(...) return ... end), "a", "b"))
local function err_with_values() error("E", 0) return 1, 2 end
print(pcall(err_with_values))
local ok, a, b, c = pcall(function() return "x", "y" end)
print(ok, a, b, c)
local results = {pcall(function(...) return ... end, 1, 2, 3)}
print(#results, results[1], results[4])
print(xpcall(many, print))
local function chained(n) if n == 0 then return "bottom" end return select(2, pcall(chained, n - 1)) end
print(chained(50))
local function err_chain(n) if n == 0 then error("deep", 0) end local ok2, e = pcall(err_chain, n - 1) error(e .. n, 0) end
print(pcall(err_chain, 5))
local t = setmetatable({}, {__index = function(_, k) error("no key " .. k, 0) end})
print(pcall(function() return t.a end))
print(pcall(rawget, t, "a"))
print(pcall(setmetatable({}, {__call = function(self, x) return "call " .. x end}), "me"))
