#!/bin/bash
rm -rf "$TMPDIR/report-builder" ./build
