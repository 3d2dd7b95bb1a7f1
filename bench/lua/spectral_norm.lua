-- Spectral norm of an infinite matrix: floating-point loops over arrays.
local n = tonumber(arg and arg[1]) or 1800
local function a(i, j)
  local s = i + j
  return 1.0 / (s * (s + 1) / 2 + i + 1)
end
local function times(dst, src, transposed)
  for i = 0, n - 1 do
    local acc = 0.0
    for j = 0, n - 1 do
      if transposed then acc = acc + a(j, i) * src[j]
      else acc = acc + a(i, j) * src[j] end
    end
    dst[i] = acc
  end
end
local function times_ata(dst, src, tmp)
  times(tmp, src, false)
  times(dst, tmp, true)
end
local u, v, tmp = {}, {}, {}
for i = 0, n - 1 do u[i] = 1.0; v[i] = 0.0; tmp[i] = 0.0 end
for _ = 1, 10 do
  times_ata(v, u, tmp)
  times_ata(u, v, tmp)
end
local vbv, vv = 0.0, 0.0
for i = 0, n - 1 do
  vbv = vbv + u[i] * v[i]
  vv = vv + v[i] * v[i]
end
print("checksum", string.format("%.9f", math.sqrt(vbv / vv)))
