local Deque = {}
Deque.__index = Deque
function Deque.new() return setmetatable({first = 0, last = -1, items = {}}, Deque) end
function Deque:pushleft(v) self.first = self.first - 1 self.items[self.first] = v end
function Deque:pushright(v) self.last = self.last + 1 self.items[self.last] = v end
function Deque:popleft()
  if self.first > self.last then return nil end
  local v = self.items[self.first]
  self.items[self.first] = nil
  self.first = self.first + 1
  return v
end
function Deque:popright()
  if self.first > self.last then return nil end
  local v = self.items[self.last]
  self.items[self.last] = nil
  self.last = self.last - 1
  return v
end
function Deque:len() return self.last - self.first + 1 end
local d = Deque.new()
d:pushright(1) d:pushright(2) d:pushleft(0) d:pushleft(-1)
print(d:len(), d:popleft(), d:popright(), d:len())
print(d:popleft(), d:popleft(), d:popleft(), d:len())
-- BFS using the deque on a grid
local grid = {
  "S.#.....",
  ".##.###.",
  "....#...",
  ".##...#E",
}
local H, W = #grid, #grid[1]
local start, goal
for r = 1, H do for c = 1, W do
  local ch = grid[r]:sub(c, c)
  if ch == "S" then start = {r, c} elseif ch == "E" then goal = {r, c} end
end end
local dist = {}
local q = Deque.new()
q:pushright(start)
dist[start[1] * 100 + start[2]] = 0
while q:len() > 0 do
  local cur = q:popleft()
  local r, c = cur[1], cur[2]
  for _, dlt in ipairs({{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) do
    local nr, nc = r + dlt[1], c + dlt[2]
    if nr >= 1 and nr <= H and nc >= 1 and nc <= W and grid[nr]:sub(nc, nc) ~= "#" and not dist[nr * 100 + nc] then
      dist[nr * 100 + nc] = dist[r * 100 + c] + 1
      q:pushright({nr, nc})
    end
  end
end
print("shortest path", dist[goal[1] * 100 + goal[2]])
for r = 1, H do
  local row = {}
  for c = 1, W do
    local dv = dist[r * 100 + c]
    row[c] = dv and string.format("%2d", dv) or " #"
  end
  print(table.concat(row, " "))
end
