-- goto back to a label: locals declared after the label are fresh on each pass (closures
-- made on different passes see different variables); locals declared before it are shared.
local fns = {}
local i = 0
::top::
local x = i
fns[#fns + 1] = function() return x end
i = i + 1
if i < 3 then goto top end
print(fns[1](), fns[2](), fns[3]())

-- a local before the label is one variable for every pass
do
  local n = 0
  local getters = {}
  ::again::
  n = n + 1
  getters[#getters + 1] = function() return n end
  if n < 3 then goto again end
  print(getters[1](), getters[2](), getters[3]())
end

-- typed locals (number, string) after the label, and several of them
local out = {}
local k = 1
::loop::
local sq = k * k
local s = 'v' .. k
local t = {k}
out[#out + 1] = function() return sq, s, t[1] end
k = k + 1
if k <= 3 then goto loop end
for _, f in ipairs(out) do print(f()) end

-- closures that update their own pass's variable
local incs = {}
local m = 0
::again2::
local c = m * 100
local inc = function() c = c + 1 return c end
inc()
incs[#incs + 1] = inc
m = m + 1
if m < 3 then goto again2 end
print(incs[1](), incs[2](), incs[3](), incs[1]())

-- a local function after the label
local fs = {}
local j = 0
::lf::
local function me() return j, me end
fs[#fs + 1] = me
j = j + 1
if j < 2 then goto lf end
print(fs[1] ~= fs[2], select(2, fs[1]()) == fs[1], select(2, fs[2]()) == fs[2])

-- two labels: jumping back to the second keeps the locals between them
local log = {}
local a = 0
::first::
local between = a
local got = {}
::second::
local after = #got
got[#got + 1] = function() return between, after end
if #got < 2 then goto second end
log[#log + 1] = got
a = a + 1
if a < 2 then goto first end
for _, g in ipairs(log) do print(g[1]()) print(g[2]()) end

-- inside a loop body: continue-style gotos with closures
local cl = {}
for q = 1, 6 do
  local v = q * 10
  if q % 2 == 0 then goto continue end
  cl[#cl + 1] = function() return v end
  ::continue::
end
print(cl[1](), cl[2](), cl[3]())

-- while loop rebuilt with goto, closures per pass, inside a function
local function collect(nmax)
  local res = {}
  local r = 1
  ::head::
  if r > nmax then return res end
  local captured = r * r
  res[#res + 1] = function() return captured end
  r = r + 1
  goto head
end
local got = collect(4)
print(got[1](), got[2](), got[3](), got[4]())

-- a coroutine body with the same pattern
local co = coroutine.wrap(function()
  local p = 0
  local made = {}
  ::redo::
  local mine = p
  made[#made + 1] = function() return mine end
  coroutine.yield(p)
  p = p + 1
  if p < 3 then goto redo end
  return made[1](), made[2](), made[3]()
end)
print(co(), co(), co(), co())
