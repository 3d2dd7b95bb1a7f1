local function classify(n)
  if n < 0 then return "negative"
  elseif n == 0 then return "zero"
  elseif n < 10 then return "small"
  elseif n < 100 then return "medium"
  else return "large" end
end
for _, v in ipairs({-5, 0, 3, 42, 1000, 0/0 == 0/0 and 1 or -0}) do io.write(classify(v), " ") end print()
if nil then print("no") elseif false then print("no") else print("else branch") end
if 0 then print("0 is true") end
if "" then print("empty string is true") end
local x = 5
if x > 3 then
  if x > 4 then print("nested >4") else print("nested <=4") end
end
-- if without else whose body declares locals
if true then local hidden = 1 end
print(hidden)
-- conditions with side effects evaluated once
local calls = 0
local function check(v) calls = calls + 1 return v end
if check(false) then elseif check(false) then elseif check(true) then print("third") else print("no") end
print("calls", calls)
-- and/or short-circuit
local r = check(false) and check(true)
print(r, calls)
r = check(1) or check(2)
print(r, calls)
-- ternary idiom pitfalls
local cond = true
print(cond and false or "fallback")
print(cond and nil or "fallback2")
local function tern(c, a, b) if c then return a else return b end end
print(tern(true, false, "x"))
-- not precedence
print(not 1 == 2, not (1 == 2), not nil == true)
-- comparisons in conditions
local s = "abc"
if s == "abc" and #s == 3 then print("match") end
if s ~= "abc" or #s ~= 3 then print("nope") else print("no mismatch") end
