// The anchor of the HindsightSeeds module. The `.yaml` files beside it are the seed postmortems
// in the interchange format; the EmbedFilesPlugin compiles them into this module as
// `EmbeddedFiles.all`, so that `hindsight demo` works from a copied binary.
