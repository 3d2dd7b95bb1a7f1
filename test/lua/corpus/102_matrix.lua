local function matrix(rows, cols, f)
  local m = {}
  for i = 1, rows do
    m[i] = {}
    for j = 1, cols do m[i][j] = f(i, j) end
  end
  return m
end
local function mul(a, b)
  local n, m, p = #a, #b, #b[1]
  return matrix(n, p, function(i, j)
    local s = 0
    for k = 1, m do s = s + a[i][k] * b[k][j] end
    return s
  end)
end
local function show(m)
  for _, row in ipairs(m) do
    local cells = {}
    for j, v in ipairs(row) do cells[j] = string.format("%6g", v) end
    print(table.concat(cells, " "))
  end
end
local A = matrix(3, 2, function(i, j) return i + j end)
local B = matrix(2, 4, function(i, j) return i * j - 1 end)
show(mul(A, B))
local I = matrix(3, 3, function(i, j) return i == j and 1 or 0 end)
local M = matrix(3, 3, function(i, j) return (i - 1) * 3 + j end)
show(mul(M, I))
show(mul(M, M))
local function transpose(m) return matrix(#m[1], #m, function(i, j) return m[j][i] end) end
show(transpose(A))
local function det3(m)
  return m[1][1] * (m[2][2] * m[3][3] - m[2][3] * m[3][2])
       - m[1][2] * (m[2][1] * m[3][3] - m[2][3] * m[3][1])
       + m[1][3] * (m[2][1] * m[3][2] - m[2][2] * m[3][1])
end
print(det3(M), det3(I), det3({{2, 0, 1}, {1, 3, 2}, {1, 1, 1}}))
local H = matrix(4, 4, function(i, j) return 1 / (i + j - 1) end)
show(H)
local P = I
for _ = 1, 5 do P = mul(P, {{1, 1, 0}, {1, 0, 0}, {0, 0, 2}}) end
show(P)
local big = matrix(30, 30, function(i, j) return (i * j) % 7 end)
local sq = mul(big, big)
local trace = 0
for i = 1, 30 do trace = trace + sq[i][i] end
print("trace", trace)
