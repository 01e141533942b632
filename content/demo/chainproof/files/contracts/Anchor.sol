// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice Records batch roots with the block time they were anchored at.
contract Anchor {
    event Anchored(bytes32 indexed root, address indexed issuer);

    mapping(bytes32 => uint256) public anchoredAt;

    function anchor(bytes32 root) external {
        require(anchoredAt[root] == 0, "already anchored");
        anchoredAt[root] = block.timestamp;
        emit Anchored(root, msg.sender);
    }
}
