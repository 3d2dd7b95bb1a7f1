-- Compiled frames are pcs: positions, call names, levels and tracebacks seen through them.
local function tb(msg)
  -- keep only the Lua frames of this file (the host's lines differ between runners)
  local out = {}
  for line in (debug.traceback(msg, 2) .. "\n"):gmatch("(.-)\n") do
    if line:find("202_frames", 1, true) or not line:find(":") then out[#out + 1] = line end
  end
  return table.concat(out, "\n")
end

-- a silent leaf (proven-number math) called in a loop, then an error one level up
local function hyp(a, b) return math.sqrt(a * a + b * b) end
local acc = 0
for i = 1, 100 do acc = acc + hyp(i, i + 1) end
print(string.format("%.6f", acc))
local function caller(x) return hyp(x, 1) + nil end
print(pcall(caller, 3))

-- error levels through pc frames
local function check(v, level) if type(v) ~= "number" then error("not a number: " .. tostring(v), level) end return v end
local function level2(v) return check(v, 2) end
local function level3(v) local r = level2(v) return r end
print(pcall(level2, "x"))
print(pcall(level3, "y"))

-- a method found through an __index function: the metamethod call is named, then the method call
local Proxy = setmetatable({}, { __index = function(t, k) return function(self, n) return tb(k .. n) end end })
print(Proxy:hello(1))
local Base = { greet = function(self) return tb("greet") end }
local Obj = setmetatable({}, { __index = function(t, k) return Base[k] end })
print(Obj:greet())

-- arithmetic metamethods: the frame is named after them while they run
local V = setmetatable({}, { __add = function(a, b) return tb("add") end, __index = function(t, k) return tb("index " .. k) end })
print(V + 1)
print(V.field)
local function leaf(v) return v + 2 end
print(leaf(V))

-- math functions replaced or given non-numbers go through the call
local saved = math.sqrt
math.sqrt = function(x) return "patched " .. x end
print(hyp(3, 4))
math.sqrt = saved
print(hyp(3, 4))
print(pcall(function() return math.floor("2.5") end))
print(pcall(function() return math.floor("z") end))
print(pcall(function() return math.abs() end))
print(math.floor(-0.5), math.ceil(-0.5), math.abs(-3), math.floor(2^53))

-- recursion deep enough to grow the pc array, with a traceback at the bottom
local function down(n) if n == 0 then return tb("bottom") end local r = down(n - 1) return r end
local t = down(300)
local lines = 0
for _ in t:gmatch("\n") do lines = lines + 1 end
print(lines, t:sub(1, 80))
local function forever(n) return 1 + forever(n + 1) end
local ok, err = pcall(forever, 1)
print(ok, err)
-- the stack is usable again after the overflow
print(down(2))

-- a for iterator names its frame
local function iter(s, i) if i < 2 then return i + 1, tb("iter") end end
for i, v in iter, nil, 0 do print(i, v) end

-- math calls in tail position: in place for numbers, a tail call otherwise
local function fl(x) return math.floor(x) end
print(fl(2.5), select('#', fl(3.7)), fl("4.5"))
print(pcall(fl, "x"))
local function deepfl(n) if n == 0 then return math.abs(-n - 1) end return deepfl(n - 1) end
print(deepfl(10000))
