#!/usr/bin/env python3
"""Writes the hand-made seed inputs of every fuzz target into tests/fuzz/corpus/<name>/seed-*.

Run by hand when a seed changes (python3 tests/fuzz/make_seeds.py); the output is committed.
Seeds are real-looking requests in the shapes docs/openapi.json documents: Chinese text, valid and
broken UTF-8, boundary numbers. Inputs the fuzzer found are kept beside them (crash-*, cov-*).
"""
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(first17):
    s = sum(CHARSET.index(c) * w for c, w in zip(first17, WEIGHTS))
    check = 31 - s % 31
    return first17 + CHARSET[0 if check == 31 else check]


def j(v):
    return json.dumps(v, ensure_ascii=False).encode()


def write(target, seeds):
    folder = os.path.join(HERE, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    for old in os.listdir(folder):
        if old.startswith("seed-"):
            os.remove(os.path.join(folder, old))
    for name, data in seeds.items():
        if isinstance(data, str):
            data = data.encode()
        with open(os.path.join(folder, "seed-" + name), "wb") as f:
            f.write(data)


CODE_ZHUHUI = credit_code("91430405MA4L1234X")
CODE_LEIYANG = credit_code("91430481000000001")

ENTERPRISE = {
    "name": "衡阳市珠晖区华盛化工有限公司",
    "credit_code": CODE_ZHUHUI,
    "sectors": ["hazardous_chemicals", "fire"],
    "jurisdiction": "430405",
    "address": "衡阳市珠晖区东风路88号",
    "location": {"lon": 112.6480, "lat": 26.8950},
    "risk_color": "orange",
    "size": "medium",
    "contact_name": "李建国",
    "contact_phone": "0734-8123456",
    "major_hazard_installations": True,
}

BROKEN = {
    "invalid-utf8-ff": b'{"name":"\xff\xfe","q":"\xc0\xaf"}',
    "truncated-utf8": b'{"name":"\xe8\xa1\xa1\xe9\x98"}',
    "surrogate-escape": b'{"name":"\\ud800","note":"\\udc00x"}',
    "nul-escape": b'{"name":"\\u0000","note":"a\\u0000b"}',
    "control-escapes": b'{"name":"\\u001b[2J","note":"\\u007f\\u0008"}',
    "deep-nesting": b'{"a":' + b"[" * 60 + b"]" * 60 + b"}",
    "big-numbers": b'{"version":9223372036854775807,"found_at":-9223372036854775808,'
                   b'"deadline":18446744073709551615,"funds_fen":1e400,"id":-0}',
    "not-an-object": b'["name","\xe8\xa1\xa1\xe9\x98\xb3"]',
    "empty": b"",
    "trailing-garbage": b'{"name":"x"} {',
}


def http(method, target, headers=(), body=b""):
    lines = [f"{method} {target} HTTP/1.1", "Host: anlan.hengyang.local"]
    lines += list(headers)
    if body:
        lines.append(f"Content-Length: {len(body)}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode()
    return head + body


TOKEN = "Authorization: Bearer 3q2-7wEXAMPLEtokenAAAAAAAAAAAAAAAAAAAAAAAAA"
COOKIE = "Cookie: theme=dark; anlan_session=abcDEF123_-; anlan_csrf=c5rf"

write("http_request", {
    "login": http("POST", "/api/v1/auth/login", ["Content-Type: application/json", "User-Agent: Mozilla/5.0"],
                  j({"username": "admin", "password": "Demo-pass-2026"})),
    "hazards-list": http("GET", "/api/v1/hazards?state=assigned,rectifying&grade=major&overdue=1"
                                "&sort=deadline&limit=500&q=%E7%83%9F%E8%8A%B1", [TOKEN, "X-Request-Id: abc-123_x.9"]),
    "hazards-bad-utf8": http("GET", "/api/v1/hazards?q=%FF%FE&sector=%C0%AF", [TOKEN]),
    "enterprises-nul": http("GET", "/api/v1/enterprises?q=a%00b&jurisdiction=430405&limit=0", [COOKIE]),
    "audit-filters": http("GET", "/api/v1/audit?entity=user&action=create&actor=%E6%9D%8E&from=-1&to=9223372036854775808"
                                 "&cursor=abc&format=csv", [TOKEN]),
    "locate": http("GET", "/api/v1/map/locate?lon=112.57&lat=26.89&datum=gcj02", [COOKIE]),
    "locate-bad": http("GET", "/api/v1/map/locate?lon=inf&lat=0x1p3&datum=wgs84", [COOKIE]),
    "user-by-id": http("GET", "/api/v1/users/0?id=1", [TOKEN, "X-Request-Id: " + "a" * 65]),
    "user-patch": http("PATCH", "/api/v1/users/42", [COOKIE, "X-CSRF-Token: c5rf"],
                       j({"version": 3, "role": "commander", "active": False})),
    "room-assess": http("POST", "/api/v1/roll-calls/7/rooms/430405/assess", [TOKEN],
                        j({"on_post": True, "assessment": "good", "remarks": "值班规范"})),
    "room-bad-param": http("POST", "/api/v1/roll-calls/7/rooms/%ED%A0%80/ring", [TOKEN]),
    "attachment": http("POST", "/api/v1/hazards/12/attachments?name=%E7%8E%B0%E5%9C%BA.jpg",
                       [TOKEN, "Content-Type: image/jpeg"], b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
    "chunked": b"POST /api/v1/duty/log HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
               b"5\r\n{\"tex\r\n13\r\nt\":\"\xe4\xba\xa4\xe6\x8e\xa5\xe7\x8f\xad\"}\r\n0\r\n\r\n",
    "pipelined": http("GET", "/healthz") + http("HEAD", "/api/v1/me", [COOKIE]) + http("DELETE", "/api/v1/users/1"),
    "websocket-upgrade": http("GET", "/api/v1/events", ["Upgrade: websocket", "Connection: Upgrade",
                                                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                                                         "Sec-WebSocket-Version: 13", COOKIE]),
    "unknown-route": http("GET", "/api/v1/%FF%FE/%E8%A1", [TOKEN]),
    "absolute-form": http("GET", "http://example.org/api/v1/me?x=1"),
    "too-large-body": b"POST /api/v1/enterprises/import HTTP/1.1\r\nHost: x\r\nContent-Length: 8388609\r\n\r\nname",
    "obs-text-header": b"GET /api/v1/me HTTP/1.1\r\nHost: x\r\nUser-Agent: \xff\xfe\xe8\xa1\r\n" + COOKIE.encode() + b"\r\n\r\n",
    "malformed": b"GET /api/v1/me HTTP/1.1\r\nHost x\r\n\r\n",
    "http10": b"GET /healthz HTTP/1.0\r\n\r\n",
    "testing-clock": http("POST", "/api/v1/testing/clock", [], j({"advance_ms": 86400000})),
})

write("core_json", {
    "login": j({"username": "admin", "password": "Demo-pass-2026"}),
    "new-user": j({"username": "duty-430405", "display_name": "珠晖区值班员", "password": "Test-pass-2026",
                   "role": "duty_officer", "jurisdiction": "430405", "department": "yjgl",
                   "phone": "13800000000", "enterprise_id": None}),
    "user-patch": j({"version": 2, "display_name": "王 芳", "active": False, "phone": None}),
    "nested": j({"name": "x", "location": {"lon": 112.57, "lat": 26.89}, "confirmation": {"meeting": "专题会议"},
                 "version": 1, "flag": True}),
    "wrong-types": j({"name": 1, "version": "1", "location": [112, 26], "active": "true", "confirmation": "x"}),
    "long-text": j({"name": "衡" * 1400, "note": "第一行\n第二行\r\n\t缩进"}),
    "unicode": j({"name": "🚒 消防 ＝1+1 \u202e", "q": "\u00e9"}),
    **BROKEN,
})

write("ws_signal", {
    "offer": j({"type": "signal", "roll_call_id": 12, "room": "430405",
                "data": {"sdp": {"type": "offer", "sdp": "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"}}}),
    "candidate": j({"type": "signal", "roll_call_id": 12, "room": "430405",
                    "data": {"candidate": {"candidate": "candidate:1 1 udp 2122260223 192.168.1.5 54321 typ host",
                                           "sdpMid": "0", "sdpMLineIndex": 0}}}),
    "no-data": j({"type": "signal", "roll_call_id": 12, "room": "430405"}),
    "wrong-type": j({"type": "ping", "roll_call_id": "12", "room": 430405, "data": []}),
    "long-room": j({"type": "signal", "roll_call_id": 1, "room": "4304051234567", "data": {}}),
    **BROKEN,
})

ring = [[112.50, 26.80], [112.70, 26.80], [112.70, 27.00], [112.50, 27.00], [112.50, 26.80]]
hole = [[112.58, 26.88], [112.62, 26.88], [112.62, 26.92], [112.58, 26.92], [112.58, 26.88]]
write("geo", {
    "polygon": struct.pack("<dd", 112.57, 26.89) + j({"type": "Polygon", "coordinates": [ring, hole]}),
    "multipolygon": j({"type": "MultiPolygon", "coordinates": [[ring], [[[0, 0], [1, 0], [1, 1], [0, 0]]]]}),
    "edges": j({"type": "Polygon", "coordinates": [[[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]]]}),
    "out-of-range": j({"type": "Polygon", "coordinates": [[[181, 0], [0, 91], [0, 0], [181, 0]]]}),
    "short-ring": j({"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [0, 0]]]}),
    "point": j({"type": "Point", "coordinates": [112.57, 26.89]}),
    "degenerate": j({"type": "Polygon", "coordinates": [[[1, 1], [1, 1], [1, 1], [1, 1]]]}),
    "huge-doubles": struct.pack("<dd", 1e308, -1e308) + b'{"type":"Polygon","coordinates":[]}',
    "nan-bytes": b"\x00\x00\x00\x00\x00\x00\xf8\x7f\x00\x00\x00\x00\x00\x00\xf0\x7f",
})

HEADER = "name,credit_code,sectors,jurisdiction,address,lon,lat,risk_color,size,contact_name,contact_phone,major_hazard_installations"
ROW1 = f"衡阳市珠晖区华盛化工有限公司,{CODE_ZHUHUI},hazardous_chemicals|fire,430405,衡阳市珠晖区东风路88号,112.648,26.895,orange,medium,李建国,0734-8123456,1"
ROW2 = f"\"耒阳市 \"\"新华\"\" 煤业, 有限公司\",{CODE_LEIYANG},mining,430481,\"耒阳市\n五里牌\",,,red,large,,,0"
EXPORTED = HEADER + ",id,active,demo,updated_at"
write("csv", {
    "import": "\ufeff" + HEADER + "\r\n" + ROW1 + "\r\n" + ROW2 + "\r\n",
    "formulas": "a,b\n=1+1,-2+3+cmd|' /C calc'!A0\n@SUM(A1),-5\n\tTAB,\"\rCR\"\n+86 0734,'=x\n",
    "unterminated": "a,b\n1,\"open\n2,3\n",
    "gbk": b"name,address\n\xba\xe2\xd1\xf4,x\n",
    "nul": b"name\nc\x00d\n",
    "blank-lines": "\n\n,\n,,\n\r\n",
    "quotes-mid-field": "a\"b,\"c\"d,\"\"\"\"\n",
    "double-bom": b"\xef\xbb\xbf\xef\xbb\xbfname\n x \n",
})

write("enterprise_csv", {
    "import": "\ufeff" + HEADER + "\r\n" + ROW1 + "\r\n" + ROW2 + "\r\n",
    "exported": EXPORTED + "\r\n" + ROW1 + ",17,1,0,2026-01-05T08:00:00+08:00\r\n",
    "minimal": f"name,credit_code,sectors,jurisdiction\n蒸湘区某加油站,{credit_code('91430408MA4P0000Y')},hazardous_chemicals,430408\n",
    "bad-fields": HEADER + "\n" + f"x,{CODE_ZHUHUI},unknown||fire,430400,,nan,26.9,purple,huge,,12,2\n"
                  + f"y,{CODE_ZHUHUI},fire,430405,,112.6,,blue,small,,abc,1\n,,,\n",
    "outside-unit": HEADER + "\n" + f"z,{CODE_ZHUHUI},fire,430405,,113.5,27.5,blue,small,,,0\n",
    "unknown-column": "name,credit_code,sectors,jurisdiction,colour\n",
    "duplicate-column": "name,name,credit_code,sectors,jurisdiction\na,b," + CODE_ZHUHUI + ",fire,430405\n",
    "missing-column": "name,credit_code,sectors\n",
    "header-spaces": "name ,credit_code  ,sectors,jurisdiction\nx," + CODE_ZHUHUI + ",fire,430405\n",
    "gbk": b"name,credit_code,sectors,jurisdiction\n\xba\xe2\xd1\xf4,x,fire,430405\n",
})

write("credit_code", {
    "valid": CODE_ZHUHUI,
    "valid-2": CODE_LEIYANG,
    "wrong-check": CODE_ZHUHUI[:17] + ("0" if CODE_ZHUHUI[17] != "0" else "1"),
    "lower-case": CODE_ZHUHUI.lower(),
    "forbidden-letters": "91430405IOZSV12345",
    "letters-in-division": "9143O405MA4L1234X0",
    "short": "9143040",
    "long": CODE_ZHUHUI + "0",
    "chinese": "统一社会信用代码",
    "empty": "",
})

write("enterprise_json", {
    "create": j(ENTERPRISE),
    "create-minimal": j({"name": "南岳区某景区", "credit_code": credit_code("12430412MB1234567"),
                         "sectors": ["tourism"], "jurisdiction": "430412"}),
    "patch": j({"version": 3, "address": None, "location": None, "active": False, "contact_phone": None}),
    "patch-move": j({"version": 1, "jurisdiction": "430481", "location": {"lon": 112.86, "lat": 26.42},
                     "sectors": ["mining"]}),
    "outside": j({**ENTERPRISE, "location": {"lon": 113.9, "lat": 28.2}}),
    "bad-values": j({**ENTERPRISE, "sectors": ["fire", "fire"], "risk_color": "purple", "size": "huge",
                     "contact_phone": "电话"}),
    "sector-nul": j({**ENTERPRISE, "sectors": ["fire\u0000"]}),
    "unknown-field": j({**ENTERPRISE, "id": 5}),
    "city-itself": j({**ENTERPRISE, "jurisdiction": "430400"}),
    "township": j({**ENTERPRISE, "jurisdiction": "430405001"}),
    **BROKEN,
})

HAZARD = {"enterprise_id": 17, "site": "3号储罐区", "jurisdiction": "430405", "sector": "hazardous_chemicals",
          "location": {"lon": 112.648, "lat": 26.895}, "description": "储罐区可燃气体报警器失效，未按规定检测。",
          "grade": "major", "source": "inspection", "found_at": 1767225600000, "found_by": "市应急管理局检查组",
          "risk_color": "red"}
write("hazard_json", {
    "register": j(HAZARD),
    "register-minimal": j({"sector": "fire", "description": "消防通道堵塞"}),
    "assess": j({"to": "assessed", "version": 1, "grade": "major", "confirmation":
                 {"department": "yjgl", "meeting": "2026年第3次专家论证会", "date": 1767312000000}}),
    "assign": j({"to": "assigned", "version": 2, "assignment": {"slip_no": "衡应急交〔2026〕12号",
                 "responsible_unit": "衡阳市华盛化工有限公司", "assigning_unit": "珠晖区应急管理局",
                 "supervising_unit": "衡阳市应急管理局", "deadline": 1769904000000}}),
    "rectify": j({"to": "rectifying", "plan": {"responsible_person": "李建国", "measures": "更换报警器并联网。\n每日巡检。",
                  "funds_fen": 12000000, "deadline": 1769904000000, "contingency_plan": "停用储罐区，疏散人员。"},
                  "attachments": [1, 2, 3]}),
    "accept": j({"to": "accepted", "note": "验收合格", "attachments": list(range(1, 21))}),
    "too-many-files": j({"to": "closed_off", "attachments": list(range(1, 22))}),
    "bad-state": j({"to": "closed", "grade": "minor", "deadline": "tomorrow", "attachments": ["1"]}),
    "record-errors": j({"to": "assessed", "confirmation": {"department": "yjgl", "meeting": "", "date": 1.5}}),
    "plan-alone": j({"responsible_person": "王芳", "measures": "整改", "funds_fen": -1, "deadline": 0,
                     "contingency_plan": "无"}),
    **BROKEN,
})

write("duty_json", {
    "shift": j({"room": "430405", "starts_at": 1767225600000, "ends_at": 1767254400000, "leader": "张伟",
                "officers": ["李娜", "王强"], "note": "春节期间24小时值班"}),
    "shift-bad": j({"starts_at": "8:00", "ends_at": 1, "leader": "", "officers": "李娜"}),
    "shift-nul-officer": j({"starts_at": 1, "ends_at": 2, "leader": "张伟", "officers": ["李\u0000娜", 3]}),
    "intake": j({"room": "430405", "reporter_name": "刘洋", "reporter_unit": "珠晖区茶山坳镇",
                 "reporter_phone": "13907341234", "event_type": "危化品泄漏", "occurred_at": 1767229200000,
                 "place": "茶山坳镇工业园3号路", "scope": "约200平方米",
                 "casualties": {"dead": 0, "injured": 2, "missing": 0},
                 "handling": "已疏散周边群众，消防到场处置。", "help_requested": "请求市级专家支援"}),
    "intake-casualties-bad": j({"reporter_name": "x", "reporter_phone": "1", "event_type": "火灾",
                                "occurred_at": 1, "place": "x", "casualties": {"dead": "一", "wounded": 1}}),
    **BROKEN,
})

write("upload", {
    "jpeg": bytes([len("现场照片.jpg".encode())]) + "现场照片.jpg".encode() + b"\xff\xd8\xff\xe0\x00\x10JFIF",
    "png-encoded-name": b"\x0fplan%E5%9B%BE.png" + b"\x89PNG\r\n\x1a\n\x00\x00",
    "pdf": b"\x0a" + "整改.PDF".encode() + b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    "mismatch": b"\x09photo.png\xff\xd8\xff",
    "traversal": b"\x10../../etc/x.jpg\xff\xd8\xff",
    "backslash": b"\x0e..%5Cboot.jpg\xff\xd8\xff",
    "nul-name": b"\x09a%00b.jpg\xff\xd8\xff",
    "bad-utf8-name": b"\x0a%FF%FE.jpg\xff\xd8\xff",
    "no-extension": b"\x05photo\xff\xd8\xff",
    "empty-file": b"\x09photo.jpg",
    "long-name": bytes([204]) + b"a" * 200 + b".jpg\xff\xd8\xff",
})

write("config", {
    "example": open(os.path.join(HERE, "..", "..", "anlan.example.toml"), "rb").read(),
    "types": b'listen = "0.0.0.0:8443"\nmax_connections = 10000\ntesting_clock = true\nmax_body_bytes = 8388608\n'
             b'ice_servers = "stun:10.43.0.8:3478 turn:10.43.0.8:3478"\nturn_password = "\xe5\xaf\x86\xe7\xa0\x81"\n',
    "wrong-types": b'max_connections = "many"\ntesting_clock = 1\nio_threads = 1.5\n[server]\nlisten = "x"\n',
    "unknown-key": b'listne = "127.0.0.1:8080"\n',
    "syntax": b'listen = \n',
    "sets": b'# no file\n\x00listen=127.0.0.1:9000\nmax_body_bytes=18446744073709551616\nworker_threads=-1\n'
            b'web_root=/srv/a=b\ntesting_clock=yes\nnokey\n=1\nlog_level=debug',
    "bounds": b'max_header_bytes = 4294967296\nsession_idle_minutes = -9223372036854775808\nread_timeout_ms = 2147483648\n',
    "strings": b'db = "postgresql://anlan@10.43.0.9/anlan?sslmode=require"\nweb_root = """\nmulti\nline"""\n'
               b"files_dir = 'var/\\u0000files'\ntls_cert = \"\\u0000\"\n",
})
print("seeds written")
