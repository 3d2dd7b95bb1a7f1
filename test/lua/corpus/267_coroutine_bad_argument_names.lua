-- Library errors raised inside coroutines name the function after its call expression, as
-- they do outside (luajit reads the name off the coroutine's own calling instruction).
local function show(co, ...)
  print(coroutine.resume(co, ...))
end

-- a call by global name, a field, a method, a local alias
show(coroutine.create(function() for _ in pairs(nil) do end end))
show(coroutine.create(function() local r = string.rep(nil, 2); return r end))
show(coroutine.create(function() local s = "abc"; local r = s:rep({}); return r end))
show(coroutine.create(function() local s = "abc"; local r = s.rep(s, {}); return r end))
show(coroutine.create(function() local f = math.floor; local x = f("x"); return x end))
show(coroutine.create(function(v) local r = ("x"):sub(v); return r end), {})
-- a tail call leaves no caller to name it, as outside coroutines
show(coroutine.create(function() return string.rep(nil, 2) end))

-- the coroutine's body is the library function itself: nothing names it
show(coroutine.create(pairs))
show(coroutine.create(string.rep), "x", "y")

-- after a yield and a resume, in a nested function, through a metamethod
local co0 = coroutine.create(function()
  coroutine.yield(1)
  local function inner(t) local r = table.concat(t, ",", 1, 3); return r end
  local r = inner({ 1, {} })
  return r
end)
show(co0)
show(co0)
local co = coroutine.create(function()
  coroutine.yield("first")
  local t = setmetatable({}, { __index = function(_, k) return math.abs(k) end })
  local v = t.key
  return v
end)
show(co)
show(co)

-- through pcall inside the coroutine, and a coroutine inside a coroutine
show(coroutine.create(function()
  print(pcall(string.format, "%d", "x"))
  print(pcall(function() local s = tostring(); return s end))
  local inner = coroutine.create(function() local r = select(0); return r end)
  print(coroutine.resume(inner))
  local r = ipairs()
  return r
end))

-- coroutine.wrap passes the named message on
print(pcall(coroutine.wrap(function() local b = string.byte({}); return b end)))
print(pcall(coroutine.wrap(function() coroutine.yield() end)))
