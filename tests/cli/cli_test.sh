#!/usr/bin/env bash
# The anlan command end to end: migrate, admin, audit verify (and tampering), backup while
# serving, and a clean stop on SIGTERM. Usage: cli_test.sh path/to/anlan
set -euo pipefail
anlan=$1
dir=$(mktemp -d /tmp/anlan-cli.XXXXXX)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
fails=0; passes=0
check() {  # check NAME COMMAND... : the command must succeed
  local name=$1; shift
  if "$@"; then passes=$((passes+1)); else echo "FAIL: $name"; fails=$((fails+1)); fi
}
db="sqlite:$dir/a.db"
cheap=(--set argon2_mem_kib=64 --set argon2_ops=1)

check "version" bash -c "'$anlan' version | grep -q '^anlan [0-9]'"
check "migrate" bash -c "'$anlan' migrate --db '$db' | grep -q 'up to date'"
check "create-user" bash -c "ANLAN_PASSWORD=Cli-pass-2026 '$anlan' admin create-user --db '$db' --username cli-admin --role admin --jurisdiction 430400 ${cheap[*]} | grep -q 'created user cli-admin'"
out=$("$anlan" admin create-user --db "$db" --username bad --role king --jurisdiction 430400 --password Cli-pass-2026 2>&1 || echo "exit=$?")
check "bad role refused with the field named" bash -c "grep -q 'exit=2' <<<'$out' && grep -q '(role)' <<<'$out'"
check "password from stdin" bash -c "echo Stdin-pass-2026 | '$anlan' admin create-user --db '$db' --username cli-two --role commander --jurisdiction 430400 ${cheap[*]} >/dev/null"
check "reset-password" bash -c "'$anlan' admin reset-password --db '$db' --username cli-two --password New-pass-2026x ${cheap[*]} | grep -q 'password reset'"
check "audit intact" bash -c "'$anlan' audit verify --db '$db' | grep -q 'intact: 3 records'"

sqlite3 "$dir/a.db" "UPDATE audit_log SET actor = 'mallory' WHERE id = 2"
set +e
verdict=$("$anlan" audit verify --db "$db"); code=$?
set -e
check "tampering found" bash -c "[ $code -eq 1 ] && grep -q 'BROKEN at record 2' <<<'$verdict'"

# Serve, write through the API, back up while serving, stop with SIGTERM.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$anlan" serve --db "sqlite:$dir/b.db" --listen "127.0.0.1:$port" --demo --demo-password Demo-pass-2026 "${cheap[@]}" >"$dir/serve.out" 2>"$dir/serve.err" &
server=$!
for _ in $(seq 100); do grep -q 'serving on' "$dir/serve.out" 2>/dev/null && break; sleep 0.1; done
check "demo accounts printed" grep -q 'duty-430426' "$dir/serve.out"
check "demo password kept for the next run" grep -q 'Demo-pass-2026' "$dir/demo-password.txt"
token=$(curl -s -XPOST "127.0.0.1:$port/api/v1/auth/login" -d '{"username":"admin","password":"Demo-pass-2026"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
check "login over HTTP" test -n "$token"
check "backup while serving" bash -c "'$anlan' backup --db 'sqlite:$dir/b.db' --to '$dir/copy.db' | grep -q 'backup written'"
check "backup holds the demo users" bash -c "[ \$(sqlite3 '$dir/copy.db' 'SELECT COUNT(*) FROM users') -eq 19 ]"
kill -TERM "$server"
set +e; wait "$server"; code=$?; set -e
server=""
check "clean stop on SIGTERM" [ "$code" -eq 0 ]
check "structured logs" bash -c "head -1 '$dir/serve.err' | python3 -c 'import sys,json; json.loads(sys.stdin.readline())'"

# TLS with a certificate from `anlan cert init`: browsers that trust its CA trust the server; a
# second run keeps the CA and issues a new server certificate; keys are private to the owner.
check "cert init" bash -c "'$anlan' cert init --dir '$dir/tls' --names anlan.hengyang.local,10.43.0.8 > '$dir/cert1.out'"
check "cert init names the machine and the given names" bash -c \
  "openssl x509 -in '$dir/tls/server.crt' -noout -ext subjectAltName | grep -q 'IP Address:127.0.0.1' &&
   openssl x509 -in '$dir/tls/server.crt' -noout -ext subjectAltName | grep -q 'DNS:anlan.hengyang.local' &&
   openssl x509 -in '$dir/tls/server.crt' -noout -ext subjectAltName | grep -q 'IP Address:10.43.0.8'"
check "server certificate chains to the CA" bash -c "openssl verify -CAfile '$dir/tls/ca.crt' '$dir/tls/server.crt' | grep -q OK"
check "keys are private" bash -c "[ \$(stat -c %a '$dir/tls/ca.key') = 600 ] && [ \$(stat -c %a '$dir/tls/server.key') = 600 ]"
check "second cert init keeps the CA" bash -c "'$anlan' cert init --dir '$dir/tls' > '$dir/cert2.out' &&
   grep -q 'kept the local CA' '$dir/cert2.out' &&
   [ \"\$(grep fingerprint '$dir/cert1.out')\" = \"\$(grep fingerprint '$dir/cert2.out')\" ]"
{ "$anlan" cert init --dir "$dir/tls2" --names 'bad name!' || echo "exit=$?"; } >"$dir/cert3.out" 2>&1
check "bad certificate name refused with the field named" bash -c "grep -q 'exit=2' '$dir/cert3.out' && grep -q '(names)' '$dir/cert3.out' && [ ! -e '$dir/tls2/ca.key' ]"
cp "$dir/tls/server.crt" "$dir/cert.pem"
cp "$dir/tls/server.key" "$dir/key.pem"
tport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$anlan" serve --db "sqlite:$dir/b.db" --listen "127.0.0.1:$tport" --set "tls_cert=$dir/cert.pem" \
  --set "tls_key=$dir/key.pem" "${cheap[@]}" >"$dir/tls.out" 2>"$dir/tls.err" &
server=$!
for _ in $(seq 100); do grep -q 'serving on' "$dir/tls.out" 2>/dev/null && break; sleep 0.1; done
check "https announced" grep -q "https://127.0.0.1:$tport" "$dir/tls.out"
check "https answers, trusted through the local CA" bash -c "curl -s --cacert '$dir/tls/ca.crt' https://127.0.0.1:$tport/healthz | grep -q reachable"
check "plain http refused on the TLS port" bash -c "! curl -s -m 3 http://127.0.0.1:$tport/healthz | grep -q reachable"
check "secure cookies over TLS" bash -c "curl -s -D - -o /dev/null --cacert '$dir/cert.pem' -XPOST https://127.0.0.1:$tport/api/v1/auth/login -d '{\"username\":\"admin\",\"password\":\"Demo-pass-2026\"}' | grep -i 'set-cookie: anlan_session' | grep -q 'Secure'"
kill -TERM "$server"; wait "$server" || true; server=""
only_cert=$("$anlan" serve --db "sqlite:$dir/c.db" --listen 127.0.0.1:0 --set "tls_cert=$dir/cert.pem" 2>&1 || echo "exit=$?")
check "a certificate without its key is refused" bash -c "grep -q 'exit=2' <<<'$only_cert'"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
