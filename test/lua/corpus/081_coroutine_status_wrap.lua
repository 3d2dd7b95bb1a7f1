local log = {}
local co
co = coroutine.create(function()
  log[#log + 1] = "inside:" .. coroutine.status(co)
  local inner = coroutine.create(function()
    log[#log + 1] = "outer from inner:" .. coroutine.status(co)
    coroutine.yield()
  end)
  coroutine.resume(inner)
  log[#log + 1] = "inner after yield:" .. coroutine.status(inner)
  coroutine.yield()
  coroutine.resume(inner)
  log[#log + 1] = "inner end:" .. coroutine.status(inner)
end)
log[#log + 1] = "before:" .. coroutine.status(co)
coroutine.resume(co)
log[#log + 1] = "after first:" .. coroutine.status(co)
coroutine.resume(co)
log[#log + 1] = "after second:" .. coroutine.status(co)
for _, l in ipairs(log) do print(l) end
-- wrap returns a function
local w = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
print(type(w), w(1), w(10))
print(pcall(w, 1))
-- wrap passes multiple values both ways
local w2 = coroutine.wrap(function(...)
  local args = {...}
  while true do args = {coroutine.yield(#args, unpack(args))} end
end)
print(w2(1, 2, 3))
print(w2())
print(w2("a", nil, "c"))
-- coroutine.running inside wrap
local w3 = coroutine.wrap(function() local c = coroutine.running() return type(c), coroutine.status(c) end)
print(w3())
-- create with a C function
local cc = coroutine.create(print)
print(coroutine.resume(cc, "printed by", "coroutine"))
print(coroutine.status(cc))
-- coroutine.wrap with a C function
local cw = coroutine.wrap(string.upper)
print(cw("upper"))
-- counting resumes
local n = 0
local counter = coroutine.create(function() while true do n = n + 1 coroutine.yield(n) end end)
for _ = 1, 5 do coroutine.resume(counter) end
print(n, coroutine.status(counter))
-- a coroutine returning many values
local many = coroutine.create(function() return 1, 2, 3, 4, 5 end)
print(coroutine.resume(many))
