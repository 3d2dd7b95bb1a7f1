local s = "héllo"
print(#s, s:len(), string.len(s))
print(s:byte(1, -1))
print(s:upper(), s:sub(2, 3), #s:sub(2, 3))
print(#"日本語", ("日本語"):byte(1, 3))
print(("€"):byte(1, -1))
print(string.char(226, 130, 172) == "€")
print(#"\0", #"a\0b", ("a\0b"):byte(2), "a\0b" == "a\0b")
print(("a\0b"):upper(), #("a\0b"):rep(3))
local z = "x\0y"
print(z:sub(2, 2) == "\0", z:find("\0", 1, true), z:find("%z"))
print(("abc"):reverse(), ("héllo"):reverse() == "oll\169\195h")
print(string.format("%q", "a\0b"))
io.write("bin:", "a\0b", "\n")
print(#"\255\254", ("\255"):byte())
print(("ÀÉ"):lower(), ("àé"):upper())
for i = 1, #s do io.write(s:byte(i), " ") end print()
local count = 0
for _ in s:gmatch(".") do count = count + 1 end
print("dot matches", count)
local chars = 0
for _ in s:gmatch("[%z\1-\127\194-\244][\128-\191]*") do chars = chars + 1 end
print("utf8 chars", chars)
