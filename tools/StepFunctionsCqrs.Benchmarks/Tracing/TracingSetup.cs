namespace StepFunctionsCqrs.Benchmarks.Tracing;

/// <summary>What listens to the pipeline's spans during one measured run of the tracing bench.</summary>
public enum TracingSetup
{
    /// <summary>Nothing: no span is created (the baseline).</summary>
    Off,

    /// <summary>The local cloud's own collector: an ActivityListener keeping spans in the bounded in-memory store, no exporter.</summary>
    Listener,

    /// <summary>The OpenTelemetry SDK with the OTLP exporter (HTTP/protobuf) behind the default batch processor, to a loopback sink.</summary>
    OtlpBatch,
}
