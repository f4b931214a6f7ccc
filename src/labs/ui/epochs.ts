/** The numbers of training steps a learner can choose in a lab. */
export const EPOCH_CHOICES = [50, 200, 1000, 5000];
