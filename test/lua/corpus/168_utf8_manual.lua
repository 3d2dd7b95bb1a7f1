local function encode(cp)
  if cp < 0x80 then return string.char(cp)
  elseif cp < 0x800 then return string.char(0xC0 + math.floor(cp / 64), 0x80 + cp % 64)
  elseif cp < 0x10000 then return string.char(0xE0 + math.floor(cp / 4096), 0x80 + math.floor(cp / 64) % 64, 0x80 + cp % 64)
  else return string.char(0xF0 + math.floor(cp / 262144), 0x80 + math.floor(cp / 4096) % 64, 0x80 + math.floor(cp / 64) % 64, 0x80 + cp % 64) end
end
local function decode(s)
  local cps, i = {}, 1
  while i <= #s do
    local c = s:byte(i)
    local n, cp
    if c < 0x80 then n, cp = 1, c
    elseif c >= 0xF0 then n, cp = 4, c - 0xF0
    elseif c >= 0xE0 then n, cp = 3, c - 0xE0
    elseif c >= 0xC0 then n, cp = 2, c - 0xC0
    else error("invalid lead byte at " .. i, 0) end
    for k = 1, n - 1 do cp = cp * 64 + (s:byte(i + k) - 0x80) end
    cps[#cps + 1] = cp
    i = i + n
  end
  return cps
end
local text = "héllo wörld — 日本 🎉"
local cps = decode(text)
print(#text, #cps)
local hex = {}
for i, cp in ipairs(cps) do hex[i] = string.format("U+%04X", cp) end
print(table.concat(hex, " "))
local rebuilt = {}
for i, cp in ipairs(cps) do rebuilt[i] = encode(cp) end
print(table.concat(rebuilt) == text)
print(encode(0x41), #encode(0xE9), #encode(0x65E5), #encode(0x1F389), encode(0x20AC) == "€")
local function utf8_reverse(s)
  local parts = {}
  for ch in s:gmatch("[%z\1-\127\194-\244][\128-\191]*") do table.insert(parts, 1, ch) end
  return table.concat(parts)
end
print(utf8_reverse("añb€c"))
print(pcall(decode, "\128abc"))
local function utf8_sub(s, i, j)
  local out, n = {}, 0
  for ch in s:gmatch("[%z\1-\127\194-\244][\128-\191]*") do
    n = n + 1
    if n >= i and n <= j then out[#out + 1] = ch end
  end
  return table.concat(out)
end
print(utf8_sub(text, 1, 5), utf8_sub(text, 7, 11), utf8_sub(text, 15, 16))
