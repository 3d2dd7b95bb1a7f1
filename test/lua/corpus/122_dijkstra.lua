local edges = {
  {"A", "B", 7}, {"A", "C", 9}, {"A", "F", 14}, {"B", "C", 10}, {"B", "D", 15},
  {"C", "D", 11}, {"C", "F", 2}, {"D", "E", 6}, {"E", "F", 9}, {"G", "H", 1},
}
local graph = {}
for _, e in ipairs(edges) do
  local a, b, w = e[1], e[2], e[3]
  graph[a] = graph[a] or {}
  graph[b] = graph[b] or {}
  graph[a][b] = w
  graph[b][a] = w
end
local function sorted_keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks)
  return ks
end
local function dijkstra(src)
  local dist, prev, done = {[src] = 0}, {}, {}
  while true do
    local best, bestd = nil, math.huge
    for _, n in ipairs(sorted_keys(graph)) do
      if not done[n] and dist[n] and dist[n] < bestd then best, bestd = n, dist[n] end
    end
    if not best then break end
    done[best] = true
    for _, nb in ipairs(sorted_keys(graph[best])) do
      local nd = bestd + graph[best][nb]
      if not dist[nb] or nd < dist[nb] then dist[nb] = nd prev[nb] = best end
    end
  end
  return dist, prev
end
local dist, prev = dijkstra("A")
for _, n in ipairs(sorted_keys(graph)) do
  local path = {}
  local cur = n
  while cur do table.insert(path, 1, cur) cur = prev[cur] end
  if dist[n] then print(n, dist[n], table.concat(path, "->"))
  else print(n, "unreachable") end
end
