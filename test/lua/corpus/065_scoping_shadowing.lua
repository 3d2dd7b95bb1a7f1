local x = 1
do
  local x = 2
  print("inner", x)
  do
    local x = x + 1
    print("inner inner", x)
  end
  print("inner again", x)
end
print("outer", x)
-- shadowing in the same scope
local y = "first"
local y = y .. " second"
print(y)
-- function parameters shadow outer locals
local z = "outer z"
local function f(z) return z end
print(f("param z"), z)
-- locals in for loops shadow
local i = "outer i"
for i = 1, 2 do local i = i * 100 io.write(i, " ") end
print(i)
-- globals vs locals
g = "global g"
local g = "local g"
print(g, _G.g)
_G.g = nil
-- local function vs local f = function (recursion visibility)
local function rec(n) if n == 0 then return "done" end return rec(n - 1) end
print(rec(3))
local notrec = function(n) return n end
local notrec = function(n) if n == 0 then return "base" end return notrec(n - 1) end
print(notrec(1))
-- multiple declarations with same name
local a, a = 1, 2
print(a)
-- block-local function
do
  local function helper() return "helper" end
  print(helper())
end
print(type(helper))
-- a local declared after use in a closure refers to the global
local function useLater() return later end
local later = "local later"
print(useLater())
later_global = "global later"
print(useLater())
later_global = nil
-- nested functions see enclosing locals at definition time
local counter = 0
local function bump() counter = counter + 1 end
local counter = 100
bump()
print(counter)
-- if-block scope
if true then local scoped = "in if" print(scoped) end
print(scoped)
-- many locals
local l1, l2, l3, l4, l5, l6, l7, l8, l9, l10 = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
print(l1 + l2 + l3 + l4 + l5 + l6 + l7 + l8 + l9 + l10)
