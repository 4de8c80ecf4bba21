// Frames straight from ffmpeg to features, without passing through JavaScript. ffmpeg writes raw RGB24 frames into a
// pipe made here (1 MiB where Linux allows it, so ffmpeg seldom waits for us); a thread of this module reads each
// frame into its own buffer and computes its features right there; JavaScript receives only the features (about
// 2 KB a frame), in order, through a thread-safe function. Draining 100 KB a frame through the event loop, copying it
// and handing it to another thread cost more than the features themselves.
// POSIX only: on Windows nothing is exported and the caller reads the frames in JavaScript.
#include "js_features.h"

#if defined(_WIN32)

namespace ycis {
void RegisterFrameReader(Napi::Env, Napi::Object) {}
}  // namespace ycis

#else

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <memory>
#include <thread>
#include <utility>

namespace ycis {
namespace {

constexpr int kPipeBytes = 1 << 20;

// [readFd, writeFd], both close-on-exec (the spawn maps the write end onto ffmpeg's stdout and nothing else gets it).
Napi::Value CreateFramePipe(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int fds[2];
#if defined(__linux__)
  const int made = pipe2(fds, O_CLOEXEC);
#else
  const int made = pipe(fds);
  if (made == 0) {
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
  }
#endif
  if (made != 0) return Fail(env, std::string("cannot create a pipe: ") + std::strerror(errno));
#if defined(F_SETPIPE_SZ)
  fcntl(fds[1], F_SETPIPE_SZ, kPipeBytes);  // best effort: capped by /proc/sys/fs/pipe-max-size
#endif
  auto result = Napi::Array::New(env, 2);
  result.Set(uint32_t(0), Napi::Number::New(env, fds[0]));
  result.Set(uint32_t(1), Napi::Number::New(env, fds[1]));
  return result;
}

// What the reading thread and the JavaScript side share.
struct ReaderState {
  std::atomic<bool> cancelled{false};
  std::atomic<bool> finished{false};
};

// Owned by the thread-safe function; touched only on the JavaScript thread (its finalizer).
struct ReaderThread {
  std::thread thread;
  std::shared_ptr<ReaderState> state;
};

struct ReadEnd {
  size_t leftoverBytes;
  std::string error;
};

void DeliverFrame(Napi::Env env, Napi::Function onEvent, NativeFeatures* features) {
  std::unique_ptr<NativeFeatures> owned(features);
  if (env == nullptr || onEvent.IsEmpty()) return;  // the environment is shutting down
  onEvent.Call({owned->ToJs(env), Napi::Number::New(env, 0), env.Null()});
}

void DeliverEnd(Napi::Env env, Napi::Function onEvent, ReadEnd* end) {
  std::unique_ptr<ReadEnd> owned(end);
  if (env == nullptr || onEvent.IsEmpty()) return;
  Napi::Value error = owned->error.empty() ? env.Null() : Napi::String::New(env, owned->error);
  onEvent.Call({env.Null(), Napi::Number::New(env, double(owned->leftoverBytes)), error});
}

void ReadFrames(int fd, int width, int height, FeatureArgs args, std::shared_ptr<ReaderState> state,
                Napi::ThreadSafeFunction tsfn) {
  args.params.offsets = args.offsets.data();
  const size_t frameBytes = size_t(width) * height * 3;
  std::vector<uint8_t> frame(frameBytes);
  size_t filled = 0;
  std::string error;
  while (!state->cancelled.load()) {
    const ssize_t got = read(fd, frame.data() + filled, frameBytes - filled);
    if (got < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      break;
    }
    if (got == 0) break;  // ffmpeg closed its stdout
    filled += size_t(got);
    if (filled < frameBytes) continue;
    filled = 0;
    auto features = std::make_unique<NativeFeatures>(args.Bins());
    features->Compute(frame.data(), width, height, args.params);
    if (tsfn.NonBlockingCall(features.get(), DeliverFrame) != napi_ok) break;  // shutting down
    features.release();
  }
  // Closing the read end also stops an ffmpeg still writing (EPIPE) when this stopped early.
  close(fd);
  auto* end = new ReadEnd{filled, error};
  if (tsfn.NonBlockingCall(end, DeliverEnd) != napi_ok) delete end;
  state->finished.store(true);
  tsfn.Release();
}

// readFrameFeatures(fd, width, height, bins, levels, offsets, onEvent): reads fd to its end on a thread of its own;
// onEvent(features, 0, null) for each whole frame, in order, then once onEvent(null, leftoverBytes, error | null).
// Takes ownership of fd. Returns { cancel() }: stop computing and close fd at the next frame boundary.
Napi::Value ReadFrameFeatures(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 7 || !info[0].IsNumber() || !info[1].IsNumber() || !info[2].IsNumber() ||
      !info[6].IsFunction()) {
    return Fail(env, "readFrameFeatures(fd, width, height, bins, levels, offsets, onEvent)");
  }
  const int fd = info[0].As<Napi::Number>().Int32Value();
  const int width = info[1].As<Napi::Number>().Int32Value(), height = info[2].As<Napi::Number>().Int32Value();
  if (fd < 0 || width < 1 || height < 1 || width > (1 << 15) || height > (1 << 15)) {
    return Fail(env, "readFrameFeatures: bad descriptor or frame size");
  }
  FeatureArgs args;
  const std::string bad = ReadFeatureArgs(info[3], info[4], info[5], &args);
  if (!bad.empty()) return Fail(env, "readFrameFeatures: " + bad);

  auto state = std::make_shared<ReaderState>();
  auto* side = new ReaderThread{std::thread(), state};
  auto tsfn = Napi::ThreadSafeFunction::New(
      env, info[6].As<Napi::Function>(), "yourCartoonFrameReader", 0, 1,
      [](Napi::Env, ReaderThread* t) {
        // Normally the thread has finished (it released last); at environment teardown it may still be reading:
        // then it keeps its own state alive and is left to end on its own.
        if (t->thread.joinable()) t->state->finished.load() ? t->thread.join() : t->thread.detach();
        delete t;
      },
      side);
  if (env.IsExceptionPending()) {  // no thread-safe function: nothing was started
    delete side;
    close(fd);
    return env.Undefined();
  }
  side->thread = std::thread(ReadFrames, fd, width, height, std::move(args), state, tsfn);

  auto handle = Napi::Object::New(env);
  handle.Set("cancel", Napi::Function::New(env, [state](const Napi::CallbackInfo& i) {
               state->cancelled.store(true);
               return i.Env().Undefined();
             }));
  return handle;
}

// Reads up to `length` bytes into a buffer, looping until it has them all or the writer has closed: one trip to a
// worker thread for a whole big frame (fs.read returns whatever the pipe holds, often 64 KiB, one worker trip each).
class ReadFullyWorker : public Napi::AsyncWorker {
 public:
  ReadFullyWorker(Napi::Env env, int fd, Napi::Uint8Array target, size_t offset, size_t length)
      : Napi::AsyncWorker(env), deferred_(Napi::Promise::Deferred::New(env)), fd_(fd),
        ref_(Napi::Persistent(target)), data_(target.Data() + offset), length_(length) {}
  Napi::Promise Promise() { return deferred_.Promise(); }
  void Execute() override {
    while (got_ < length_) {
      const ssize_t n = read(fd_, data_ + got_, length_ - got_);
      if (n < 0) {
        if (errno == EINTR) continue;
        SetError(std::strerror(errno));
        return;
      }
      if (n == 0) return;  // the writer closed
      got_ += size_t(n);
    }
  }
  void OnOK() override { deferred_.Resolve(Napi::Number::New(Env(), double(got_))); }
  void OnError(const Napi::Error& e) override { deferred_.Reject(e.Value()); }

 private:
  Napi::Promise::Deferred deferred_;
  int fd_;
  Napi::Reference<Napi::Uint8Array> ref_;
  uint8_t* data_;
  size_t length_;
  size_t got_ = 0;
};

// readFully(fd, target: Uint8Array, offset, length) → Promise<bytes read> (fewer only at the end of the stream).
Napi::Value ReadFully(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 4 || !info[0].IsNumber() || !IsTyped(info[1], napi_uint8_array) || !info[2].IsNumber() ||
      !info[3].IsNumber()) {
    return Fail(env, "readFully(fd, target: Uint8Array, offset, length)");
  }
  auto target = info[1].As<Napi::Uint8Array>();
  const int fd = info[0].As<Napi::Number>().Int32Value();
  const double offset = info[2].As<Napi::Number>().DoubleValue(), length = info[3].As<Napi::Number>().DoubleValue();
  if (fd < 0 || offset < 0 || length < 0 || offset + length > double(target.ElementLength())) {
    return Fail(env, "readFully: bad descriptor or range");
  }
  auto* worker = new ReadFullyWorker(env, fd, target, size_t(offset), size_t(length));
  auto promise = worker->Promise();
  worker->Queue();
  return promise;
}

}  // namespace

void RegisterFrameReader(Napi::Env env, Napi::Object exports) {
  exports.Set("createFramePipe", Napi::Function::New(env, CreateFramePipe));
  exports.Set("readFrameFeatures", Napi::Function::New(env, ReadFrameFeatures));
  exports.Set("readFully", Napi::Function::New(env, ReadFully));
}

}  // namespace ycis

#endif
