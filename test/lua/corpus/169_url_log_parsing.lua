local function parse_url(url)
  local r = {}
  r.scheme, url = url:match("^(%a[%w+.-]*)://(.*)$")
  if not r.scheme then return nil, "no scheme" end
  local rest
  r.authority, rest = url:match("^([^/?#]*)(.*)$")
  r.userinfo, r.host = r.authority:match("^(.*)@(.*)$")
  r.host = r.host or r.authority
  local h, p = r.host:match("^(.*):(%d+)$")
  if h then r.host, r.port = h, tonumber(p) end
  r.path = rest:match("^([^?#]*)")
  r.query = rest:match("%?([^#]*)")
  r.fragment = rest:match("#(.*)$")
  return r
end
local function parse_query(q)
  local out = {}
  for k, v in (q or ""):gmatch("([^&=]+)=?([^&]*)") do
    v = v:gsub("+", " "):gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end)
    out[k] = v
  end
  return out
end
local urls = {
  "https://user:pw@example.com:8080/path/to/page.html?q=lua+jit&x=%41%42#frag",
  "http://localhost/",
  "ftp://files.example.org",
  "not a url",
}
for _, u in ipairs(urls) do
  local r, err = parse_url(u)
  if not r then print(u, "->", err) else
    print(r.scheme, r.userinfo, r.host, r.port, r.path, r.query, r.fragment)
    local q = parse_query(r.query)
    local ks = {}
    for k, v in pairs(q) do ks[#ks + 1] = k .. "=" .. v end
    table.sort(ks)
    print("  query:", table.concat(ks, "; "))
  end
end
local log = [[
127.0.0.1 - - [10/Oct/2023:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326
10.0.0.5 - bob [10/Oct/2023:13:56:01 +0000] "POST /api/login HTTP/1.1" 401 112
127.0.0.1 - - [10/Oct/2023:13:57:12 +0000] "GET /missing HTTP/1.1" 404 0
malformed line here
]]
local status_count, bytes = {}, 0
for line in log:gmatch("[^\n]+") do
  local ip, user, ts, method, path, status, size = line:match('^(%S+) %S+ (%S+) %[(.-)%] "(%u+) (%S+) [^"]*" (%d+) (%d+)$')
  if ip then
    print(ip, user, ts:match("%d+:%d+:%d+"), method, path, status, size)
    status_count[status] = (status_count[status] or 0) + 1
    bytes = bytes + tonumber(size)
  else
    print("unparsed:", line)
  end
end
local st = {}
for k, v in pairs(status_count) do st[#st + 1] = k .. "x" .. v end
table.sort(st)
print(table.concat(st, " "), bytes)
