print(type(_G), _G._G == _G, _G.print == print)
myglobal = 42
print(_G.myglobal, _G["myglobal"], rawget(_G, "myglobal"))
_G.fromG = "set via _G"
print(fromG)
myglobal = nil
print(myglobal, rawget(_G, "myglobal"))
print(undefined_variable)
-- setfenv / getfenv (luajit 5.1 feature)
local function f() return whoami end
local env = setmetatable({whoami = "custom env"}, {__index = _G})
setfenv(f, env)
print(f())
print(getfenv(f) == env, getfenv(print) == _G or type(getfenv(print)))
print(getfenv() == _G, getfenv(0) == _G, getfenv(1) == _G)
-- global access counter via metatable on a copy env
local reads = {}
local sandbox = setmetatable({}, {__index = function(_, k) reads[#reads + 1] = k return _G[k] end})
local chunk = loadstring("local a = tostring(1) return type(a), missingthing")
setfenv(chunk, sandbox)
print(chunk())
print(table.concat(reads, ","))
-- declaring globals inside functions
local function declare() newglobal = "declared" end
print(newglobal)
declare()
print(newglobal)
newglobal = nil
-- global functions
function globalfn() return "global fn" end
print(globalfn(), type(_G.globalfn))
globalfn = nil
-- strict-mode style detection
local strict = setmetatable({}, {
  __index = function(_, k) error("undeclared global '" .. tostring(k) .. "'", 2) end,
  __newindex = function(t, k, v) rawset(t, k, v) end,
})
local g = loadstring("x = 1 return x + y")
setfenv(g, strict)
local ok, e = pcall(g)
print(ok, e)
-- counting standard globals present
local names = {"assert", "collectgarbage", "dofile", "error", "getfenv", "getmetatable",
  "ipairs", "load", "loadfile", "loadstring", "module", "next", "pairs", "pcall", "print",
  "rawequal", "rawget", "rawset", "require", "select", "setfenv", "setmetatable",
  "tonumber", "tostring", "type", "unpack", "xpcall", "gcinfo", "newproxy"}
local missing = {}
for _, n in ipairs(names) do if _G[n] == nil then missing[#missing + 1] = n end end
print("missing:", #missing, table.concat(missing, ","))
local libs = {"string", "table", "math", "io", "os", "coroutine", "package", "debug", "bit", "jit"}
for _, n in ipairs(libs) do io.write(n, "=", type(_G[n]), " ") end print()
print(_VERSION)
print(rawlen, table.pack, table.unpack, math.type, utf8, bit32, goto_)
