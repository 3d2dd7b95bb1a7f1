local config = nil
local handler = nil
local count = {}
local function show(f) print(pcall(f)) end
show(function() return config.value end)
show(function() handler("x") end)
show(function() return count + 1 end)
show(function() return count .. "" end)
show(function() return #handler end)
show(function() config.x = 1 end)
show(function() return handler.field.sub end)
local obj = {child = nil, list = {}}
show(function() return obj.child.name end)
show(function() obj.child() end)
show(function() obj:missing() end)
show(function() return obj.list[1].x end)
show(function() return obj.list + 1 end)
show(function() return -obj.list end)
GLOBALT = {}
show(function() return GLOBALT.x.y end)
show(function() GLOBALT.fn() end)
show(function() GLOBALT:meth() end)
show(function() return GLOBALT.n + 1 end)
show(function() return GLOBALT .. "x" end)
show(function() return nothing_here + 1 end)
show(function() return nothing_here .. "x" end)
GLOBALT = nil
-- names through parameters
local function param_err(p) return p.x end
show(function() return param_err(nil) end)
local function param_call(cb) return cb() end
show(function() return param_call(nil) end)
local function arith(a, b) return a * b end
show(function() return arith(2, {}) end)
show(function() return arith("x", 2) end)
-- constant values
show(function() local t = {} return t[nil].x end)
show(function() return ("abc").x.y end)
