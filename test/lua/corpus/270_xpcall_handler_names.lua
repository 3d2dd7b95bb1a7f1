-- A Lua function given to xpcall runs where the error happened, as a call the failing
-- instruction makes: luajit names it after that instruction's metamethod (`__index` for
-- `x.y` on nil) or callee (`f` for `f()` on nil), and a library function that raised the
-- error (error, a bad argument) is the level below it.
local function handler(m)
  local lines = {}
  for line in debug.traceback(m, 1):gmatch("[^\n]+") do lines[#lines + 1] = line end
  print(lines[1], lines[3])
  return m
end

local t, up = {}, nil
xpcall(function() local x; return x.y end, handler)
xpcall(function() local x; x.y = 1 end, handler)
xpcall(function() local x; return x + 1 end, handler)
xpcall(function() local x; return 2 - x end, handler)
xpcall(function() local x; return x * 1 end, handler)
xpcall(function() local x; return x / 1 end, handler)
xpcall(function() local x; return x % 1 end, handler)
xpcall(function() local x; return x ^ 2 end, handler)
xpcall(function() local x; return -x end, handler)
xpcall(function() local x; return x .. "a" end, handler)
xpcall(function() local x; return x < 1 end, handler)
xpcall(function() local x; return x <= 1 end, handler)
xpcall(function() local x; return 1 > x end, handler)
xpcall(function() return {} < {} end, handler)
xpcall(function() local x; return #x end, handler)
xpcall(function() local x; x() end, handler)
xpcall(function() undefinedglobal() end, handler)
xpcall(function() t.missing() end, handler)
xpcall(function() t:method() end, handler)
xpcall(function() up() end, handler)
xpcall(function() t[nil] = 1 end, handler)
xpcall(function() t[0 / 0] = 1 end, handler)
xpcall(function() for _ = 1, "x" do end end, handler)
xpcall(function() error("raised") end, handler)
xpcall(function() error({}) end, function(e) print(type(e), (debug.traceback("table", 1):match("\n[^\n]*\n([^\n]*)"))) return e end)
xpcall(function() local s = ("x"):rep() end, handler)
xpcall(function() assert(false, "asserted") end, handler)

-- inside a coroutine, and in a function the failing one called
local co = coroutine.create(function()
  xpcall(function() local x; return x.field end, handler)
  local function inner(v) return v.deeper end
  xpcall(function() local r = inner(nil); return r end, handler)
end)
print(coroutine.resume(co))
