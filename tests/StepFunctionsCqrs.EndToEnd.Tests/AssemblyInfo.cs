// The scenarios measure a whole stack on a small machine; running them one at a time keeps their timing honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
