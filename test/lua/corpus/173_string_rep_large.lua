local s = ("abc"):rep(100000)
print(#s, s:sub(1, 6), s:sub(-3))
local count = select(2, s:gsub("b", "b"))
print(count)
print(#(("x"):rep(1000, ", ")))
local t = {}
for i = 1, 10000 do t[i] = tostring(i) end
local joined = table.concat(t, "")
print(#joined, joined:sub(1, 15), joined:sub(-8))
print(joined:find("9999"), joined:find("10000", 1, true))
local words = {}
for w in ("lorem ipsum dolor sit amet "):rep(2000):gmatch("%a+") do words[#words + 1] = w end
print(#words, words[1], words[#words])
local up = s:upper()
print(#up, up:sub(1, 3), up:byte(-1))
local rev = ("abcdef"):rep(1000):reverse()
print(rev:sub(1, 12))
local big = string.rep("a", 2^16) .. "b"
print(#big, big:find("b"), big:match("a+b"):len())
