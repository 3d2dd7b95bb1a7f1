-- string <-> number coercion
print("10" + 5, "3" * "4", "2" ^ "3", "10" / "4", "7" % "3", -"2")
print("0x10" + 0, "1e2" + 0, " 5 " + 1, "5." + 0, ".5" + 0)
print(10 .. 20, 1.5 .. "", 1e20 .. "", -0.0 .. "x")
print("10" == 10, "10" ~= 10, 10 .. "" == "10")
print(pcall(function() return "abc" + 1 end))
print(pcall(function() return {} .. "x" end))
print(pcall(function() return "1" < 2 end))
print(pcall(function() return 1 < "2" end))
print("10" < "9", "a" < "b", "" < "a", "Z" < "a", "abc" < "abd", "ab" < "abc")
print(math.floor("3.7"), math.max("10", 9), string.rep(5, 3))
print(("5"):rep(2), (5 .. ""):len())
print(#("x" .. 1 .. 2), "a" .. 1 + 2)
print(("10" + 0) == 10, tostring("10" + 0))
print("0x1p4" + 0 == 16 or "no", " 0x10 " * 2)
print(pcall(function() return "1e" + 1 end))
print(pcall(function() return nil .. "x" end))
print(pcall(function() return true + 1 end))
print(string.len(123), string.upper(12.5))
print(("%d"):format("42"), string.format("%s", 42))
local s = "3"
s = s + 1
print(s, type(s))
local n = 4
n = n .. ""
print(n, type(n))
print(pcall(function() return "inf" + 0 end))
