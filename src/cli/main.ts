console.log("handoff-lint: not yet");
