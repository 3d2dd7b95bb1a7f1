local obj = {name = "obj", items = {}}
function obj:add(item) self.items[#self.items + 1] = item return self end
function obj:count() return #self.items end
function obj.static(x) return "static " .. tostring(x) end
obj:add("a"):add("b"):add("c")
print(obj:count(), table.concat(obj.items, ","))
print(obj.static(5), obj.count(obj))
-- colon on nested field path
local ns = {sub = {val = 7}}
function ns.sub:get() return self.val end
function ns.sub.plain(v) return v end
print(ns.sub:get(), ns.sub.plain(8))
-- self is just the first parameter
local function free(self, x) return self.k + x end
local holder = {k = 10, m = free}
print(holder:m(5), holder.m(holder, 5), holder.m({k = 1}, 1))
-- method call on expression results
print(("%d items"):format(3), ({k = 2, m = free}):m(3))
-- method call with string and table literal arguments
local s = {}
function s:f(arg) return type(arg) end
print(s:f"str", s:f{1}, s:f())
-- calling with no parentheses
print(type{}, #"abc")
local function id(x) return x end
print(id"lit", id{9}[1], id[[long]])
-- method missing
print(pcall(function() return obj:missing() end))
-- self captured in a closure
function obj:getter() return function() return self.name end end
print(obj:getter()())
-- varargs method
function obj:va(...) return select('#', ...), self.name end
print(obj:va(1, 2, 3))
