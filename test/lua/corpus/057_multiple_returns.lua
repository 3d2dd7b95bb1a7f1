local function mr() return 1, 2, 3 end
local function none() end
local a, b, c, d = mr()
print(a, b, c, d)
local x, y = mr(), 10
print(x, y)
local p, q, r = 0, mr()
print(p, q, r)
local t = {mr(), mr()}
print(#t, table.concat(t, ","))
local t2 = {mr(), (mr())}
print(#t2, table.concat(t2, ","))
print(mr(), "|", mr())
print((mr()))
local function ret_call() return mr() end
print(ret_call())
local function ret_paren() return (mr()) end
print(ret_paren())
local function ret_list() return mr(), mr() end
print(ret_list())
print(select('#', none()), select('#', (none())))
local n1, n2 = none()
print(n1, n2)
local s = string.format("%d %d %d", mr())
print(s)
print(math.max(mr()), math.min(mr(), 0))
print(#{none(), none()}, #{none(), 1})
-- multiple returns in conditions use the first value
if mr() == 1 then print("first used") end
-- string.find returns in an expression
local i, j = ("hello"):find("ll")
print(i, j, (("hello"):find("ll")))
-- extra values are discarded, missing ones are nil
local e1, e2, e3 = 1
print(e1, e2, e3)
local f1 = 1, 2, 3
print(f1)
-- returning varargs through pcall
print(pcall(mr))
print(select('#', pcall(none)))
-- table.insert with a multi-return function in the middle
local list = {}
table.insert(list, (mr()))
print(#list, list[1])
-- concat with multi-return only takes first
print(mr() .. "x")
-- method returning multiple values into another call
local obj = {vals = function(self) return self.a, self.b end, a = "A", b = 2}
print(obj:vals())
print(string.rep(obj:vals()))
