import subprocess, shutil
shutil.rmtree('build', ignore_errors=True)
subprocess.run(['npm', 'run', 'build'], check=True)
