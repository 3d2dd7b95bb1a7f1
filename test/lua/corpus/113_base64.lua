local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function encode(data)
  local out = {}
  for i = 1, #data, 3 do
    local a, b, c = data:byte(i, i + 2)
    local n = bit.bor(bit.lshift(a, 16), bit.lshift(b or 0, 8), c or 0)
    local chars = {}
    for k = 3, 0, -1 do
      local idx = bit.band(bit.rshift(n, k * 6), 63)
      chars[#chars + 1] = alphabet:sub(idx + 1, idx + 1)
    end
    if not b then chars[3] = "=" chars[4] = "=" elseif not c then chars[4] = "=" end
    out[#out + 1] = table.concat(chars)
  end
  return table.concat(out)
end
local rev = {}
for i = 1, #alphabet do rev[alphabet:sub(i, i)] = i - 1 end
local function decode(s)
  s = s:gsub("[^%w%+/=]", "")
  local out = {}
  for i = 1, #s, 4 do
    local chunk = s:sub(i, i + 3)
    local n, pad = 0, 0
    for k = 1, 4 do
      local ch = chunk:sub(k, k)
      if ch == "=" or ch == "" then pad = pad + 1 n = bit.lshift(n, 6)
      else n = bit.bor(bit.lshift(n, 6), rev[ch]) end
    end
    local bytes = string.char(bit.band(bit.rshift(n, 16), 255), bit.band(bit.rshift(n, 8), 255), bit.band(n, 255))
    out[#out + 1] = bytes:sub(1, 3 - pad)
  end
  return table.concat(out)
end
for _, s in ipairs({"", "f", "fo", "foo", "foob", "fooba", "foobar", "Hello, World!", "héllo\0\255"}) do
  local e = encode(s)
  print(string.format("%-16q %-24s %s", s, e, tostring(decode(e) == s)))
end
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
local enc = encode(all)
print(#enc, enc:sub(1, 40), decode(enc) == all)
print(decode("SGVs bG8=\n"))
