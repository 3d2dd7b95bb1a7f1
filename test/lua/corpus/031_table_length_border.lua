local t = {}
for i = 1, 10 do t[i] = i end
print(#t)
t[11] = 11
print(#t)
t[#t] = nil
print(#t)
t[#t] = nil
t[#t] = nil
print(#t)
for i = #t, 1, -1 do t[i] = nil end
print(#t, next(t))
local s = {}
s[1] = "a"
print(#s)
s[2] = "b"
s[3] = "c"
print(#s)
table.insert(s, "d")
print(#s, s[4])
table.remove(s, 1)
print(#s, s[1])
local str = {}
for c in ("sequence"):gmatch(".") do str[#str + 1] = c end
print(#str, table.concat(str, "-"))
local q = {n = 3, "a", "b"}
print(#q, q.n)
print(#"string length", #{"a", "b", "c"})
local x = {[1] = 1, [2] = 2, [3] = 3}
print(#x)
local y = {"a"}
y[2] = nil
print(#y)
local zero = {[0] = "zero"}
print(#zero, zero[0])
local neg = {[-1] = "neg", "one"}
print(#neg)
print(#{nil}, #{n = 1})
