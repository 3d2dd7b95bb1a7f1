print(pcall(function() return 1, 2, 3 end))
print(pcall(function(...) return select('#', ...) end, nil, nil))
print(pcall(function() end))
print(pcall(math.floor, 3.7))
print(pcall(nil))
print(pcall({}))
print(pcall(5))
local function handler(e) return "handled: " .. tostring(e) end
print(xpcall(function() error("oops") end, handler))
print(xpcall(function() error("oops", 0) end, handler))
print(xpcall(function() return "fine", 2 end, handler))
print(xpcall(function() error({code = 1}) end, function(e) return type(e) .. ":" .. e.code end))
print(xpcall(function() error(nil) end, function(e) return "nil err: " .. tostring(e) end))
print(xpcall(function() error(42) end, function(e) return e + 1 end))
print(xpcall(function() local t = nil; return t.x end, function(e) return "H:" .. e end))
-- handler returning multiple values: only first? record it
print(xpcall(function() error("m") end, function(e) return 1, 2, 3 end))
-- handler that errors
print(xpcall(function() error("first") end, function(e) error("in handler") end))
-- xpcall with arguments (luajit supports extra args)
print(xpcall(function(a, b) return a + b end, handler, 3, 4))
-- handler receives the traceback-capable context
print(xpcall(function() error("tb") end, function(e) return type(debug.traceback(e)) end))
-- nested pcall
print(pcall(function()
  local ok, e = pcall(error, "inner")
  error("outer after " .. tostring(e), 0)
end))
local depth = 0
local function nest(n)
  if n == 0 then error("bottom", 0) end
  local ok, e = pcall(nest, n - 1)
  depth = depth + 1
  error(e .. "<" .. n, 0)
end
print(pcall(nest, 3))
print(depth)
print(pcall(xpcall))
print(pcall(xpcall, print))
print(select('#', pcall(error)))
