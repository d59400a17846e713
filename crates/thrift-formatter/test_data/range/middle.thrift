struct   Before   {1:i32 a}
<RANGE_START>struct   Inside   {1:i32 a,2:i32 b}<RANGE_END>
struct   After   {1:i32 a}
