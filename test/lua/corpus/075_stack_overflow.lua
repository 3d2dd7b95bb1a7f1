local ok, msg = pcall(function() local function f() return 1 + f() end return f() end)
print(ok, msg:match("stack overflow") ~= nil)
local ok2, msg2 = pcall(function()
  local function g(n) local t = {g(n + 1)} return t end
  return g(1)
end)
print(ok2, msg2:match("stack overflow"))
-- infinite __index recursion
local t = setmetatable({}, {})
getmetatable(t).__index = function(tab, k) return tab[k] end
local ok3, msg3 = pcall(function() return t.x end)
print(ok3, msg3:match("stack overflow") ~= nil)
-- the program continues normally afterwards
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(5000))
-- deep but finite recursion inside pcall works
print(pcall(depth, 10000))
-- stack overflow in coroutine
local co = coroutine.create(function() local function r() return 1 + r() end return r() end)
local ok4, msg4 = coroutine.resume(co)
print(ok4, msg4:match("stack overflow") ~= nil, coroutine.status(co))
-- overflow from string.rep-based concat recursion
local function cat(n) return "x" .. cat(n + 1) end
local ok5, msg5 = pcall(cat, 1)
print(ok5, msg5:match("stack overflow") ~= nil)
