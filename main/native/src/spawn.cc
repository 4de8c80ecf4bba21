// Starting a child process without fork(). Node's child_process (libuv 1.46 and earlier on Linux) forks the whole
// process, and fork copies its page tables: the cost grows with the memory the process has mapped, about 13 ms a
// spawn at 200 MB and 43 ms at 650 MB here, on the JavaScript thread. posix_spawn (glibc: clone with CLONE_VM |
// CLONE_VFORK) shares the memory until the child's exec, so a spawn costs the same at any size. Used for the short
// ffmpeg runs that take key-frame pictures, a dozen or more a job, while the job holds its pool of frames.
// Linux only (macOS' libuv already uses posix_spawn; Windows has no fork): elsewhere nothing is exported.
#include "js_features.h"

#if !defined(__linux__)

namespace ycis {
void RegisterSpawn(Napi::Env, Napi::Object) {}
}  // namespace ycis

#else

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

extern char** environ;

namespace ycis {
namespace {

// spawnProcess(file, args, stdoutFd): runs `file` (an absolute path) with `args` (argv[1..]) and the current
// environment; stdin is /dev/null, stdout the given descriptor (the caller's pipe; it keeps and closes its own copy),
// stderr a new pipe whose read end is returned (close-on-exec, so no other child inherits it). Every signal the
// child gets starts at its default with none blocked (Node ignores SIGPIPE; ffmpeg must die of a closed pipe as
// usual). Returns [pid, stderrFd].
Napi::Value SpawnProcess(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 3 || !info[0].IsString() || !info[1].IsArray() || !info[2].IsNumber()) {
    return Fail(env, "spawnProcess(file, args, stdoutFd)");
  }
  const std::string file = info[0].As<Napi::String>().Utf8Value();
  Napi::Array list = info[1].As<Napi::Array>();
  const int out = info[2].As<Napi::Number>().Int32Value();
  if (out < 0) return Fail(env, "spawnProcess: no descriptor for stdout");
  std::vector<std::string> args{file};
  for (uint32_t i = 0; i < list.Length(); i++) {
    Napi::Value v = list.Get(i);
    if (!v.IsString()) return Fail(env, "spawnProcess: every argument must be a string");
    args.push_back(v.As<Napi::String>().Utf8Value());
  }
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  int err[2];
  if (pipe2(err, O_CLOEXEC) != 0) return Fail(env, std::string("cannot create a pipe: ") + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attr);
  // The dup2s first, /dev/null last: whichever of 0-2 the descriptors had, none is overwritten before it is copied.
  posix_spawn_file_actions_adddup2(&actions, out, 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  sigset_t all, none;
  sigfillset(&all);
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&attr, &all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  pid_t pid = 0;
  const int failed = posix_spawn(&pid, file.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  close(err[1]);
  if (failed != 0) {
    close(err[0]);
    return Fail(env, "cannot start " + file + ": " + std::strerror(failed));
  }
  auto result = Napi::Array::New(env, 2);
  result.Set(uint32_t(0), Napi::Number::New(env, pid));
  result.Set(uint32_t(1), Napi::Number::New(env, err[0]));
  return result;
}

// reapProcess(pid): undefined while the child runs; once it has ended, [exitCode, signal] (one of them null), and
// the child is reaped (its pid may then be reused: the caller stops signalling it).
Napi::Value ReapProcess(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsNumber()) return Fail(env, "reapProcess(pid)");
  const pid_t pid = info[0].As<Napi::Number>().Int32Value();
  int status = 0;
  pid_t got;
  do got = waitpid(pid, &status, WNOHANG);
  while (got < 0 && errno == EINTR);
  if (got == 0) return env.Undefined();
  auto result = Napi::Array::New(env, 2);
  if (got < 0) {
    // Not our child any more (reaped elsewhere): its status is lost; say it ended without a code.
    result.Set(uint32_t(0), env.Null());
    result.Set(uint32_t(1), env.Null());
  } else if (WIFSIGNALED(status)) {
    result.Set(uint32_t(0), env.Null());
    result.Set(uint32_t(1), Napi::Number::New(env, WTERMSIG(status)));
  } else {
    result.Set(uint32_t(0), Napi::Number::New(env, WEXITSTATUS(status)));
    result.Set(uint32_t(1), env.Null());
  }
  return result;
}

}  // namespace

void RegisterSpawn(Napi::Env env, Napi::Object exports) {
  exports.Set("spawnProcess", Napi::Function::New(env, SpawnProcess));
  exports.Set("reapProcess", Napi::Function::New(env, ReapProcess));
}

}  // namespace ycis

#endif
