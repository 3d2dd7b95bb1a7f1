-- yield from nested function calls
local function helper(x) return coroutine.yield(x * 10) end
local co = coroutine.create(function()
  local a = helper(1)
  local b = helper(2)
  return a + b
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 5))
print(coroutine.resume(co, 6))
-- yield across pcall (allowed in luajit)
local co2 = coroutine.create(function()
  local ok, v = pcall(function()
    local got = coroutine.yield("from inside pcall")
    if got == "boom" then error("exploded", 0) end
    return got
  end)
  coroutine.yield(ok, v)
  local ok2, v2 = pcall(function() return coroutine.yield("again") end)
  return ok2, v2
end)
print(coroutine.resume(co2))
print(coroutine.resume(co2, "boom"))
print(coroutine.resume(co2))
print(coroutine.resume(co2, "final"))
-- yield across xpcall
local co3 = coroutine.create(function()
  return xpcall(function() local v = coroutine.yield(1) error("x" .. v, 0) end, function(e) return "handled " .. e end)
end)
print(coroutine.resume(co3))
print(coroutine.resume(co3, "Y"))
-- yield inside a metamethod
local mt = {__index = function(t, k) return coroutine.yield(k) end}
local co4 = coroutine.create(function()
  local t = setmetatable({}, mt)
  return t.foo .. t.bar
end)
print(coroutine.resume(co4))
print(coroutine.resume(co4, "A"))
print(coroutine.resume(co4, "B"))
-- yield inside an iterator of a for loop
local co5 = coroutine.wrap(function()
  local sum = 0
  for v in function(_, last) local n = (last or 0) + 1 if n <= 3 then coroutine.yield("step " .. n) return n end end do
    sum = sum + v
  end
  return "sum " .. sum
end)
print(co5(), co5(), co5(), co5())
-- yield across table.sort comparator (C boundary): error expected
local co6 = coroutine.create(function()
  table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end)
end)
local ok6, e6 = coroutine.resume(co6)
print(ok6, e6)
-- yield across gsub callback
local co7 = coroutine.create(function()
  return (("abc"):gsub(".", function(c) coroutine.yield(c) return c:upper() end))
end)
print(coroutine.resume(co7))
