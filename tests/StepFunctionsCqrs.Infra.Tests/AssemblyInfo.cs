// Every test drives the same jsii (node) child process; serial runs keep its traffic simple and the 2-core machine responsive.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
